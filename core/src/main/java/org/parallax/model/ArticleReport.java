package org.parallax.model;

import java.util.List;

/**
 * The per-article part of a report, shaped for the JSON contract. {@code outletIdentity} says how {@code outlet} is
 * known and which outlet the text credits as its original (null in reports written before it existed).
 */
public record ArticleReport(String id, String path, String outlet, String title, String date, String byline,
                            String url, String language, String body, List<Removed> removed,
                            LoadedLanguage loadedLanguage, Voices voices, int sentences,
                            OutletIdentity outletIdentity) {
  public ArticleReport {
    removed = List.copyOf(removed);
  }

  public ArticleReport(String id, String path, String outlet, String title, String date, String byline,
                       String url, String language, String body, List<Removed> removed,
                       LoadedLanguage loadedLanguage, Voices voices, int sentences) {
    this(id, path, outlet, title, date, byline, url, language, body, removed, loadedLanguage, voices, sentences,
        null);
  }
}
