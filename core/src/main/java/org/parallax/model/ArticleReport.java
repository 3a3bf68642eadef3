package org.parallax.model;

import java.util.List;

/** The per-article part of a report, shaped for the JSON contract. */
public record ArticleReport(String id, String path, String outlet, String title, String date, String byline,
                            String url, String language, String body, List<Removed> removed,
                            LoadedLanguage loadedLanguage, Voices voices, int sentences) {
  public ArticleReport {
    removed = List.copyOf(removed);
  }
}
