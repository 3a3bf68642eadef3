package org.parallax.corpus;

import org.parallax.clean.ArticleCleaner;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.nlp.LanguageIdentifier;
import org.parallax.nlp.NlpModels;

/** Corpus mode's per-article work: clean, identify the language, compute the features. Thread-safe. */
public final class ArticlePreparer {
  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final ThreadLocal<LanguageIdentifier> languages;

  public ArticlePreparer(NlpModels models) {
    this.languages = ThreadLocal.withInitial(() -> new LanguageIdentifier(models));
  }

  public PreparedArticle prepare(Document d) {
    try {
      java.util.List<String> notes = new java.util.ArrayList<>();
      Article a = cleaner.clean(d, notes);
      if (a.body().isBlank()) {
        return new PreparedArticle(d, null, null, "no article text left after removing boilerplate", null);
      }
      a = a.withLanguage(languages.get().identify(a.body()));
      return new PreparedArticle(d, a, ArticleFeatures.of(a), null, null, notes);
    } catch (RuntimeException e) {
      return new PreparedArticle(d, null, null, "cleaning failed: " + e, null);
    }
  }
}
