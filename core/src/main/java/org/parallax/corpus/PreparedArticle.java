package org.parallax.corpus;

import org.parallax.ingest.Document;
import org.parallax.model.Article;

/**
 * An input after the per-article work of corpus mode, which needs nothing from other articles: the clean article
 * and its features, or why there is none. Serializable, so a cluster can prepare articles where they are read and
 * ship them to the pass that decides in input order.
 *
 * @param embedding headline-and-lead embedding when semantic story scoring is on, else null
 */
public record PreparedArticle(Document doc, Article article, ArticleFeatures features, String problem,
                              float[] embedding) implements java.io.Serializable {
  PreparedArticle withEmbedding(float[] e) {
    return new PreparedArticle(doc, article, features, problem, e);
  }
}
