package org.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.align.Embedder;
import org.parallax.corpus.ArticleFeatures;
import org.parallax.model.Article;

class StoryClustererTest {
  private final DocumentFrequencies df = new DocumentFrequencies(1 << 16);

  private TermVector vector(String title, String body) {
    TermCounts counts = ArticleFeatures.of(new Article("x", null, null, null, title, null, null, "en", body,
        List.of())).terms();
    df.add(counts);
    return TermVector.of(counts, df, 60);
  }

  @Test
  void groupsArticlesOnTheSameEventAndKeepsOtherEventsApart() {
    StoryClusterer c = new StoryClusterer(StoryClusterer.Params.defaults(), (from, to) -> List.of());
    String[][] strike = {
        {"Dockworkers strike halts Port of Eastbridge", "Dockworkers at the Port of Eastbridge went on strike on "
            + "Monday over pay. The union said 1,200 members joined the strike at Eastbridge."},
        {"Eastbridge port strike enters second day", "The strike at the Port of Eastbridge entered its second day "
            + "as union dockworkers kept the harbour closed over pay."},
        {"Union bosses hold Eastbridge port hostage", "Militant union leaders have shut the Port of Eastbridge, "
            + "and the dockworkers strike is costing exporters millions."}};
    String[][] budget = {
        {"Westhaven council passes school budget", "The Westhaven city council approved a budget that hires 300 "
            + "teachers and extends tram lines, after opposition councillors objected to the debt."},
        {"Westhaven budget adds teachers and trams", "Councillors in Westhaven voted 31 to 24 for a budget with "
            + "more teachers and longer tram lines; the opposition warned about debt."}};
    List<String> strikeStories = new ArrayList<>();
    List<String> budgetStories = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      strikeStories.add(c.assign("s" + i, 20_000 + i, null, "Outlet " + i, strike[i][0],
          vector(strike[i][0], strike[i][1])).id());
      if (i < 2) {
        budgetStories.add(c.assign("b" + i, 20_000 + i, null, "Outlet " + i, budget[i][0],
            vector(budget[i][0], budget[i][1])).id());
      }
    }
    assertEquals(1, strikeStories.stream().distinct().count(), strikeStories.toString());
    assertEquals(1, budgetStories.stream().distinct().count(), budgetStories.toString());
    assertNotEquals(strikeStories.get(0), budgetStories.get(0));
    assertEquals(StoryClusterer.storyId("s0"), strikeStories.get(0), "a story is named after its first article");
    // the same words a month later are a new story: stories are bounded in time
    String later = c.assign("s-later", 20_040, null, "Outlet 9", strike[1][0], vector(strike[1][0], strike[1][1]))
        .id();
    assertNotEquals(strikeStories.get(0), later);
  }

  @Test
  void evictedStoriesComeBackFromTheLoaderWithTheirState() {
    List<Story> saved = new ArrayList<>();
    StoryClusterer.Params small = new StoryClusterer.Params(0.3, 3, 150, 1, 1, 0.5, 0.45);
    StoryClusterer c = new StoryClusterer(small, (from, to) -> saved.stream()
        .filter(s -> s.days().stream().anyMatch(d -> d >= from && d <= to)).toList());
    TermVector strike = vector("Eastbridge port strike", "Dockworkers at the Port of Eastbridge strike over pay.");
    Story first = c.assign("a", 20_000, "2024-10-04", "Wire", "Eastbridge port strike", strike);
    TermVector other = vector("Westhaven budget", "Westhaven council approves a budget for teachers and trams.");
    c.assign("b", 21_000, "2027-06-29", "Wire", "Westhaven budget", other);
    saved.addAll(c.drainChanged());
    c.evict();
    assertEquals(1, c.held(), "only one story fits");
    Story again = c.assign("c", 20_001, "2024-10-05", "Ledger", "Eastbridge port strike", strike);
    assertEquals(first.id(), again.id(), "the evicted story was loaded back and joined");
    assertEquals(2, again.size());
  }

  @Test
  void undatedArticlesAreComparedWithTheMostRecentlyTouchedUndatedStoriesOnly() {
    String strikeTitle = "Dockworkers strike halts Port of Eastbridge";
    String strikeBody = "Dockworkers at the Port of Eastbridge went on strike on Monday over pay. The union said "
        + "1,200 members joined the strike at Eastbridge.";
    String budgetTitle = "Westhaven council passes school budget";
    String budgetBody = "The Westhaven city council approved a budget that hires 300 teachers and extends tram "
        + "lines, after opposition councillors objected to the debt.";
    for (int held : new int[] {2, 1}) {
      StoryClusterer c = new StoryClusterer(new StoryClusterer.Params(0.3, 3, 150, 1000, held, 0.5, 0.45),
          (from, to) -> List.of());
      String first = c.assign("a" + held, Story.UNDATED, null, "A", strikeTitle, vector(strikeTitle, strikeBody))
          .id();
      c.assign("b" + held, Story.UNDATED, null, "B", budgetTitle, vector(budgetTitle, budgetBody));
      String again = c.assign("c" + held, Story.UNDATED, null, "C", strikeTitle, vector(strikeTitle, strikeBody))
          .id();
      if (held == 2) {
        assertEquals(first, again, "both undated stories held: the strike story is found");
      } else {
        assertNotEquals(first, again, "only the budget story held: the strike story is out of reach");
      }
    }
  }

  @Test
  void aDatedArticleJoinsAnUndatedStoryOnlyWhileThatStoryIsAmongTheRecentlyTouched() {
    String title = "Dockworkers strike halts Port of Eastbridge";
    String body = "Dockworkers at the Port of Eastbridge went on strike on Monday over pay. The union said "
        + "1,200 members joined the strike at Eastbridge.";
    StoryClusterer c = new StoryClusterer(StoryClusterer.Params.defaults(), (from, to) -> List.of());
    String undated = c.assign("u", Story.UNDATED, null, "A", title, vector(title, body)).id();
    assertEquals(undated, c.assign("d1", 20_000, "2024-10-04", "B", title, vector(title, body)).id(),
        "the undated story was touched last: a dated report of the same event joins it");
    for (int i = 0; i < 64; i++) { // 64 unrelated undated stories push it out of the recent ones
      String words = "Zorblat" + i + " quindle" + i + " marvox" + i + " tellimar" + i;
      c.assign("o" + i, Story.UNDATED, null, "C", words, vector(words, words + " " + words));
    }
    assertNotEquals(undated, c.assign("d2", 20_400, "2025-11-08", "D", title, vector(title, body)).id(),
        "no longer among the recent undated stories, and no date nearby: a new story");
  }

  @Test
  void embeddingsLetDifferentlyWordedReportsOfOneEventJoinAndSurviveASaveAndRestore() {
    String aTitle = "Dockworkers strike halts Port of Eastbridge";
    String aBody = "Dockworkers at the Port of Eastbridge went on strike on Monday over pay.";
    String bTitle = "Militant union holds harbour hostage";
    String bBody = "Union leaders shut the harbour, costing exporters millions, critics said.";
    float[] sameEvent = new float[] {0.6f, 0.8f, 0f};
    for (boolean semantic : new boolean[] {false, true}) {
      StoryClusterer c = new StoryClusterer(StoryClusterer.Params.defaults(), (from, to) -> List.of());
      Story first = c.assign("a", 20_000, null, "A", aTitle, vector(aTitle, aBody), semantic ? sameEvent : null);
      Story restored = Story.restore(first.snapshot(), first.dayList(), first.stateBytes());
      assertEquals(semantic ? 1.0 : 0.0, restored.semanticSimilarity(sameEvent, Embedder.MINILM), 1e-6);
      String second = c.assign("b", 20_000, null, "B", bTitle, vector(bTitle, bBody), semantic ? sameEvent : null)
          .id();
      if (semantic) {
        assertEquals(first.id(), second, "same event by embedding, few shared words");
      } else {
        assertNotEquals(first.id(), second, "words alone keep them apart");
      }
    }
  }
}
