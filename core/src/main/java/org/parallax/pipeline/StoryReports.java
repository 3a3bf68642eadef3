package org.parallax.pipeline;

import java.util.List;
import java.util.function.Function;
import org.parallax.model.Article;
import org.parallax.model.Report;
import org.parallax.model.Skipped;

/**
 * The report of one stored story, where a failure of the cross-article analysis (a bug that one story's text
 * triggers) is that story's outcome, not the end of a corpus-wide export or job: the story is recorded as skipped
 * with its id and the error, and the caller goes on with the next one.
 */
public final class StoryReports {
  private StoryReports() {}

  /** A story's report, or the reason it has none. */
  public record Outcome(String story, Report report, Skipped failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  public static Outcome of(String story, List<Article> articles, Function<List<Article>, Report> analysis) {
    try {
      return new Outcome(story, analysis.apply(articles), null);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(story, null, new Skipped("story:" + story, "analysis failed for story " + story + " ("
          + articles.size() + " articles): " + e));
    }
  }
}
