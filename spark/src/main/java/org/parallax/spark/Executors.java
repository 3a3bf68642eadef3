package org.parallax.spark;

import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.ArticlePreparer;
import org.parallax.nlp.NlpModels;
import org.parallax.pipeline.Parallax;

/**
 * What each executor JVM loads once and shares between its tasks: the NLP models, the corpus-mode preparer and the
 * full pipeline for reports. Loaded on first use, so a task that needs only the preparer never loads the embedder.
 */
final class Executors {
  private static NlpModels models;
  private static ArticlePreparer preparer;
  private static Parallax parallax;
  private static org.parallax.align.Embedder embedder;

  private Executors() {}

  static synchronized NlpModels models() {
    if (models == null) {
      models = NlpModels.load();
    }
    return models;
  }

  static synchronized ArticlePreparer preparer() {
    if (preparer == null) {
      preparer = new ArticlePreparer(models());
    }
    return preparer;
  }

  /**
   * How a story's articles become its report on an executor: the pipeline's cross-article analysis. Replaceable
   * only so that a test can make one story's analysis fail (in local mode the executors share the test's JVM).
   */
  static volatile java.util.function.Function<java.util.List<org.parallax.model.Article>, org.parallax.model.Report>
      storyAnalysis = a -> parallax().analyzeCleaned(a, new org.parallax.pipeline.StageTimes());

  /** The headline-and-lead encoder of the default story grouping, for the driver's decision pass. */
  static synchronized org.parallax.align.Embedder embedder() {
    if (embedder == null) {
      embedder = org.parallax.stories.LeadEncoder.forDefaultGrouping();
    }
    return embedder;
  }

  /** One pipeline per executor JVM, its worker pool shared by the tasks running there. */
  static synchronized Parallax parallax() {
    if (parallax == null) {
      parallax = new Parallax(ParallaxConfig.defaults(), models(), new org.parallax.align.MiniLmEmbedder(),
          Runtime.getRuntime().availableProcessors());
    }
    return parallax;
  }
}
