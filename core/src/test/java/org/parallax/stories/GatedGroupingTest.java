package org.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.align.Embedder;
import org.parallax.corpus.ArticleFeatures;
import org.parallax.model.Article;

/** The default (gated) grouping: embeddings only where TF-IDF is ambiguous, kept in the stories. */
class GatedGroupingTest {
  private final DocumentFrequencies df = new DocumentFrequencies(1 << 16);

  /** A stand-in encoder: one direction per event, found by a keyword; counts the texts it is given. */
  private static final class FakeEncoder implements Embedder {
    final List<String> seen = new ArrayList<>();

    @Override
    public float[][] embed(List<String> texts) {
      seen.addAll(texts);
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        String t = texts.get(i);
        out[i] = t.contains("Eastbridge") || t.contains("harbour") ? new float[] {1, 0, 0}
            : t.contains("Westhaven") ? new float[] {0, 1, 0} : new float[] {0, 0, 1};
      }
      return out;
    }
  }

  private TermVector vector(String title, String body) {
    TermCounts counts = ArticleFeatures.of(new Article("x", null, null, null, title, null, null, "en", body,
        List.of())).terms();
    df.add(counts);
    return TermVector.of(counts, df, 60);
  }

  private static final String[][] ARTICLES = {
      {"Dockworkers strike halts Port of Eastbridge", "Dockworkers at the Port of Eastbridge went on strike on "
          + "Monday over pay. The union said 1,200 members joined the strike."},
      {"Dockworkers strike halts Port of Eastbridge", "Dockworkers at the Port of Eastbridge went on strike on "
          + "Monday over pay. The union said 1,200 members joined the strike."},
      {"Militant bosses hold the Eastbridge harbour hostage", "Radical union agitators shut the docks over pay, "
          + "and exporters count the cost of the walkout."},
      {"Westhaven council passes school budget", "The Westhaven city council approved a budget that hires 300 "
          + "teachers and extends tram lines."}};

  private List<TermVector> vectors() {
    List<TermVector> vs = new ArrayList<>();
    for (String[] a : ARTICLES) {
      vs.add(vector(a[0], a[1]));
    }
    return vs;
  }

  private static String lead(int i) {
    return ARTICLES[i][0] + ". " + ARTICLES[i][1];
  }

  @Test
  void onlyAmbiguousArticlesAreEmbeddedAndADifferentlyWordedReportJoins() {
    List<TermVector> vs = vectors();
    StoryClusterer fast = new StoryClusterer(StoryClusterer.Params.defaults(), (from, to) -> List.of());
    List<String> fastIds = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      fastIds.add(fast.assign("a" + i, 20_000, null, "O" + i, ARTICLES[i][0], vs.get(i)).id());
    }
    assertNotEquals(fastIds.get(0), fastIds.get(2), "precondition: TF-IDF alone keeps the framed report apart");
    Story strike = new Story("t", "t");
    strike.add(vs.get(0), null, 20_000, null, "A", 150);
    strike.add(vs.get(1), null, 20_000, null, "B", 150);
    double lexical = strike.similarity(new Story.Probe(vs.get(2)));
    StoryClusterer.Params p = StoryClusterer.Params.defaults();
    assertTrue(lexical >= p.bandLow() && lexical < p.threshold(), "precondition: ambiguous TF-IDF score " + lexical);

    FakeEncoder encoder = new FakeEncoder();
    GatedGrouping gated = new GatedGrouping(new StoryClusterer(StoryClusterer.Params.defaults(),
        (from, to) -> List.of()), encoder);
    List<String> ids = new ArrayList<>();
    List<Integer> seenAfter = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      ids.add(gated.assign("a" + i, 20_000, null, "O" + i, ARTICLES[i][0], vs.get(i), lead(i)).id());
      seenAfter.add(encoder.seen.size());
    }
    assertEquals(0, seenAfter.get(0), "nothing to compare with: not embedded");
    assertEquals(0, seenAfter.get(1), "a clear TF-IDF match: not embedded");
    assertEquals(ids.get(0), ids.get(1));
    assertEquals(ids.get(0), ids.get(2), "ambiguous, and its embedding agrees: it joins");
    assertEquals(List.of(lead(2), lead(0)), encoder.seen,
        "the article and the story's first article, not embedded yet, in one call");
    assertNotEquals(ids.get(0), ids.get(3));
    assertEquals(2, encoder.seen.size(), "sharing no word with any story: not embedded");
    assertEquals(1, gated.embeddedArticles());
  }

  @Test
  void prefetchingIsOnlyACacheTheDecisionsAreTheSame() {
    List<TermVector> vs = vectors();
    List<String> leads = new ArrayList<>();
    long[] days = new long[vs.size()];
    for (int i = 0; i < vs.size(); i++) {
      leads.add(lead(i));
      days[i] = 20_000;
    }
    List<List<String>> runs = new ArrayList<>();
    List<FakeEncoder> encoders = new ArrayList<>();
    for (boolean prefetch : new boolean[] {false, true}) {
      FakeEncoder encoder = new FakeEncoder();
      GatedGrouping c = new GatedGrouping(new StoryClusterer(StoryClusterer.Params.defaults(),
          (from, to) -> List.of()), encoder);
      if (prefetch) {
        c.prefetch(vs, days, leads);
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < vs.size(); i++) {
        ids.add(c.assign("a" + i, days[i], null, "O" + i, ARTICLES[i][0], vs.get(i), leads.get(i)).id());
      }
      runs.add(ids);
      encoders.add(encoder);
      if (prefetch) {
        assertEquals(0, c.lateTexts(), "the batch guessed every text the decisions needed");
        assertTrue(c.prefetchedTexts() >= 2, "the same text is embedded once"); // articles 0 and 1 are equal
      }
    }
    assertEquals(runs.get(0), runs.get(1));
  }

  @Test
  void onlyTheBandsBestLexicalCandidatesAreEmbeddedAndCompared() {
    // X shares more words with the probe than Y, but the encoder puts the probe with Y.
    TermVector x = vector("Dockworkers strike over pay in Westhaven", "Westhaven dockworkers walked out over pay.");
    TermVector y = vector("Ships wait outside Eastbridge", "Cargo ships wait at anchor.");
    TermVector probe = vector("Dockworkers strike at Eastbridge", "Dockworkers walked out at the Eastbridge docks.");
    Story.Probe p = new Story.Probe(probe);
    Story sx = new Story("x", "x");
    sx.add(x, null, 20_000, null, "A", 150);
    Story sy = new Story("y", "y");
    sy.add(y, null, 20_000, null, "B", 150);
    double lx = sx.similarity(p);
    double ly = sy.similarity(p);
    assertTrue(ly > 0 && lx > ly && lx < 0.9, "precondition: both in the band, X above Y " + lx + " " + ly);
    String xLead = "Dockworkers strike over pay in Westhaven. Westhaven dockworkers walked out over pay.";
    String yLead = "Ships wait outside Eastbridge. Cargo ships wait at anchor.";
    List<String> joined = new ArrayList<>();
    List<FakeEncoder> encoders = new ArrayList<>();
    for (int top : new int[] {1, 2}) {
      FakeEncoder encoder = new FakeEncoder();
      StoryClusterer.Params params = StoryClusterer.Params.defaults().withBand(ly / 2, 0.99).withBandTop(top);
      GatedGrouping gated = new GatedGrouping(new StoryClusterer(params, (from, to) -> List.of()), encoder);
      String sxId = gated.assign("x1", 20_000, null, "A", "x", x, xLead).id();
      String syId = gated.assign("y1", 20_000, null, "B", "y", y, yLead).id();
      assertNotEquals(sxId, syId, "precondition: two stories");
      String id = gated.assign("p1", 20_000, null, "C", "p", probe, "Dockworkers strike at Eastbridge.").id();
      joined.add(id.equals(syId) ? "Y" : id.equals(sxId) ? "X" : "new");
      encoders.add(encoder);
    }
    assertTrue(!encoders.get(0).seen.contains(yLead), "top 1: the story ranked second by TF-IDF is not embedded");
    assertEquals("new", joined.get(0), "top 1: X alone compared, and its embedding disagrees");
    assertTrue(encoders.get(1).seen.contains(yLead));
    assertEquals("Y", joined.get(1), "top 2: Y compared, and its embedding agrees");
  }

  @Test
  void aStoryKeepsItsEmbeddingsAndPendingTextsAcrossASave() {
    Story s = new Story("s1", "label");
    TermVector v = vector(ARTICLES[0][0], ARTICLES[0][1]);
    s.add(v, null, LEAD, lead(0), 20_000, "2024-10-04", "A", 150);
    s.add(v, new float[] {0.6f, 0.8f, 0}, LEAD, null, 20_000, "2024-10-04", "B", 150);
    s.add(v, null, LEAD, lead(1), 20_001, "2024-10-05", "C", 150);
    s.add(v, null, LEAD, lead(2), 20_001, "2024-10-05", "D", 150); // beyond the pending texts kept
    Story back = Story.restore(s.snapshot(), s.dayList(), s.stateBytes());
    assertEquals(List.of(lead(0)), back.pendingTexts(), "the first article not embedded");
    float[] probe = {0.6f, 0.8f, 0};
    assertEquals(1.0, back.semanticSimilarity(probe, LEAD), 1e-6, "the average over the embedded articles only");
    assertEquals(0.0, back.semanticSimilarity(probe, Embedder.MINILM), 1e-6, "another encoder's vectors: no match");
    back.addEmbeddings(new float[][] {{1, 0, 0}}, LEAD);
    assertTrue(back.pendingTexts().isEmpty());
    assertEquals((1.0 + 0.6) / 2, back.semanticSimilarity(probe, LEAD), 1e-6);
    assertArrayEquals(back.stateBytes(), Story.restore(back.snapshot(), back.dayList(), back.stateBytes())
        .stateBytes());
  }

  private static final String LEAD = LeadEncoder.SPACE;

  @Test
  void aStoryEmbeddedByAnotherEncoderIsEmbeddedAgainFromItsHeadline() {
    // A store grouped before the grouping had its own encoder: its stories hold MiniLM's vectors, saved unnamed.
    Story old = new Story("s1", "Dockers strike at Eastbridge");
    old.add(vector(ARTICLES[0][0], ARTICLES[0][1]), new float[] {1, 0, 0}, 20_000, "2024-10-04", "A", 150);
    Story back = Story.restore(old.snapshot(), old.dayList(), old.stateBytes());
    assertEquals(1.0, back.semanticSimilarity(new float[] {1, 0, 0}, Embedder.MINILM), 1e-6, "read as MiniLM's");
    assertTrue(back.embedAgainIn(LEAD));
    assertEquals(List.of("Dockers strike at Eastbridge"), back.pendingTexts(), "its headline stands for it");
    assertEquals(0.0, back.semanticSimilarity(new float[] {1, 0, 0}, Embedder.MINILM), 1e-6, "its vectors gone");
    back.addEmbeddings(new float[][] {{0, 1, 0}}, LEAD);
    assertFalse(back.embedAgainIn(LEAD), "embedded in this space now");
    Story again = Story.restore(back.snapshot(), back.dayList(), back.stateBytes());
    assertEquals(1.0, again.semanticSimilarity(new float[] {0, 1, 0}, LEAD), 1e-6, "the space is saved with it");
    assertEquals(0.0, again.semanticSimilarity(new float[] {0, 1, 0}, Embedder.MINILM), 1e-6);
  }

  private java.util.function.Function<String, TermVector> headlines() {
    return t -> TermVector.of(ArticleFeatures.headlineTerms(t), df, 60);
  }

  @Test
  void theHeadlineGateKeepsTfIdfsDecisionWhereHeadlinesShareNothingAndEmbedsWhereTheyDo() {
    List<TermVector> vs = vectors();
    // The framed report (article 2) is ambiguous by TF-IDF and under its threshold: a new story by words alone.
    // Its headline shares "Eastbridge" with the strike's first headline, so the gate lets the embedding decide.
    String[] quiet = {"A", "B", "Militant bosses hold the harbour hostage", "D"}; // no shared headline word
    for (boolean shared : new boolean[] {true, false}) {
      FakeEncoder encoder = new FakeEncoder();
      StoryClusterer.Params p = StoryClusterer.Params.defaults().withGate(0.05, Double.POSITIVE_INFINITY);
      GatedGrouping gated = new GatedGrouping(new StoryClusterer(p, (from, to) -> List.of()), encoder,
          headlines());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < vs.size(); i++) {
        String label = shared || i != 2 ? ARTICLES[i][0] : quiet[i];
        ids.add(gated.assign("a" + i, 20_000, null, "O" + i, label, vs.get(i), lead(i)).id());
      }
      if (shared) {
        assertEquals(ids.get(0), ids.get(2), "headlines share a name: embedded, and the embedding joins it");
        assertEquals(1, gated.embeddedArticles());
        assertEquals(0, gated.gatedOut());
      } else {
        assertNotEquals(ids.get(0), ids.get(2), "no headline word shared: TF-IDF's new story kept, not embedded");
        assertEquals(0, gated.embeddedArticles());
        assertEquals(1, gated.gatedOut());
        assertTrue(encoder.seen.isEmpty(), "nothing embedded");
      }
    }
  }

  @Test
  void theGateSettlesATfIdfJoinWhoseHeadlinesAgree() {
    List<TermVector> vs = vectors();
    StoryClusterer.Params p = StoryClusterer.Params.defaults().withBand(0.0, 1.01)
        .withGate(0.0, 0.5); // every match ambiguous, but a join whose headlines agree is settled
    FakeEncoder encoder = new FakeEncoder();
    GatedGrouping gated = new GatedGrouping(new StoryClusterer(p, (from, to) -> List.of()), encoder, headlines());
    String first = gated.assign("a0", 20_000, null, "O0", ARTICLES[0][0], vs.get(0), lead(0)).id();
    String second = gated.assign("a1", 20_000, null, "O1", ARTICLES[1][0], vs.get(1), lead(1)).id();
    assertEquals(first, second);
    assertEquals(1, gated.gatedOut(), "the identical headline settles the join");
    assertTrue(encoder.seen.isEmpty());
  }

  @Test
  void withTheGatePrefetchingIsStillOnlyACache() {
    List<TermVector> vs = vectors();
    List<String> leads = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    long[] days = new long[vs.size()];
    for (int i = 0; i < vs.size(); i++) {
      leads.add(lead(i));
      labels.add(ARTICLES[i][0]);
      days[i] = 20_000;
    }
    StoryClusterer.Params p = StoryClusterer.Params.defaults().withGate(0.05, 0.5);
    List<List<String>> runs = new ArrayList<>();
    for (boolean prefetch : new boolean[] {false, true}) {
      GatedGrouping c = new GatedGrouping(new StoryClusterer(p, (from, to) -> List.of()), new FakeEncoder(),
          headlines());
      if (prefetch) {
        c.prefetch(vs, days, leads, labels);
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < vs.size(); i++) {
        ids.add(c.assign("a" + i, days[i], null, "O" + i, labels.get(i), vs.get(i), leads.get(i)).id());
      }
      runs.add(ids);
      if (prefetch) {
        assertEquals(0, c.lateTexts(), "the guess applied the gate as the decisions did");
      }
    }
    assertEquals(runs.get(0), runs.get(1));
  }
}
