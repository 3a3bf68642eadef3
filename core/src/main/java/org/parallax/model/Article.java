package org.parallax.model;

import java.util.List;

/**
 * One cleaned article. {@code body} is paragraphs separated by blank lines; every span elsewhere indexes into it.
 * Optional metadata ({@code url}, {@code title}, {@code date}, {@code byline}) is null when the source lacks it.
 * {@code identity} says how {@code outlet} is known (null: given by the container, see {@link #outletIdentity()}).
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
    List<Removed> removed,
    OutletIdentity identity) implements java.io.Serializable {
  public Article {
    removed = List.copyOf(removed);
  }

  /** An article whose outlet, if any, was given by its container. */
  public Article(String id, String path, String outlet, String url, String title, String date, String byline,
                 String language, String body, List<Removed> removed) {
    this(id, path, outlet, url, title, date, byline, language, body, removed, null);
  }

  public Article withLanguage(String lang) {
    return new Article(id, path, outlet, url, title, date, byline, lang, body, removed, identity);
  }

  /** How the outlet is known; an article built without one has its outlet from its container (or none). */
  public OutletIdentity outletIdentity() {
    if (identity != null) {
      return identity;
    }
    return outlet == null ? new OutletIdentity(id, OutletIdentity.Basis.UNKNOWN, null, null, null)
        : OutletIdentity.given(outlet);
  }

  public boolean isEnglish() {
    return "en".equals(language);
  }
}
