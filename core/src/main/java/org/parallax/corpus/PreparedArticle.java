package org.parallax.corpus;

import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.outlets.OutletLanguage;

/**
 * An input after the per-article work of corpus mode, which needs nothing from other articles: the clean article
 * and its features, or why there is none. Serializable, so a cluster can prepare articles where they are read and
 * ship them to the pass that decides in input order.
 *
 * @param embedding headline-and-lead embedding when semantic story scoring is on, else null
 * @param notes     work limits the input went over (it was cleaned on its first part), to report when stored
 * @param language  the clean body's words and loaded terms for its outlet's profile, or null when not measured
 */
public record PreparedArticle(Document doc, Article article, ArticleFeatures features, String problem,
                              float[] embedding, java.util.List<String> notes, OutletLanguage.Measured language)
    implements java.io.Serializable {
  public PreparedArticle {
    notes = notes == null ? java.util.List.of() : java.util.List.copyOf(notes);
  }

  public PreparedArticle(Document doc, Article article, ArticleFeatures features, String problem,
                         float[] embedding, java.util.List<String> notes) {
    this(doc, article, features, problem, embedding, notes, null);
  }

  public PreparedArticle(Document doc, Article article, ArticleFeatures features, String problem,
                         float[] embedding) {
    this(doc, article, features, problem, embedding, java.util.List.of(), null);
  }

  PreparedArticle withEmbedding(float[] e) {
    return new PreparedArticle(doc, article, features, problem, e, notes, language);
  }
}
