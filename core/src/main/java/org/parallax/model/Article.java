package org.parallax.model;

import java.util.List;

/**
 * One cleaned article. {@code body} is paragraphs separated by blank lines; every span elsewhere indexes into it.
 * Optional metadata ({@code url}, {@code title}, {@code date}, {@code byline}) is null when the source lacks it.
 */
public record Article(
    String id,
    String path,
    String outlet,
    String url,
    String title,
    String date,
    String byline,
    String language,
    String body,
    List<Removed> removed) implements java.io.Serializable {
  public Article {
    removed = List.copyOf(removed);
  }

  public Article withLanguage(String lang) {
    return new Article(id, path, outlet, url, title, date, byline, lang, body, removed);
  }

  public boolean isEnglish() {
    return "en".equals(language);
  }
}
