package org.parallax.corpus;

import org.parallax.clean.ArticleCleaner;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.nlp.LanguageIdentifier;
import org.parallax.nlp.NlpModels;
import org.parallax.outlets.OutletLanguage;

/**
 * Corpus mode's per-article work: clean, identify the language, compute the features and, for the outlet
 * profiles, measure the loaded language (here, where articles are prepared in parallel, rather than on the path
 * that decides in input order). Thread-safe.
 */
public final class ArticlePreparer {
  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final ThreadLocal<LanguageIdentifier> languages;
  /** Null when the outlet profiles are not kept. */
  private final OutletLanguage outletLanguage;

  public ArticlePreparer(NlpModels models) {
    this(models, true);
  }

  /** {@code measureLanguage}: whether to measure what the outlet profiles need (off when they are not kept). */
  public ArticlePreparer(NlpModels models, boolean measureLanguage) {
    this.languages = ThreadLocal.withInitial(() -> new LanguageIdentifier(models));
    this.outletLanguage = measureLanguage ? new OutletLanguage() : null;
  }

  public PreparedArticle prepare(Document d) {
    try {
      java.util.List<String> notes = new java.util.ArrayList<>();
      Article a = cleaner.clean(d, notes);
      if (a.body().isBlank()) {
        return new PreparedArticle(d, null, null, "no article text left after removing boilerplate", null);
      }
      a = a.withLanguage(languages.get().identify(a.body()));
      return new PreparedArticle(d, a, ArticleFeatures.of(a), null, null, notes,
          outletLanguage == null ? null : outletLanguage.measure(a.body()));
    } catch (RuntimeException e) {
      return new PreparedArticle(d, null, null, "cleaning failed: " + e, null);
    }
  }
}
