package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.nlp.SentenceSplitter;
import org.parallax.store.CorpusStore;
import org.parallax.testing.TestModels;

class StoryClaimsTest {
  @TempDir
  Path dir;

  private static final String BUDGET_A = "The city council approved a budget of 12 million dollars for new schools "
      + "on Monday evening.";
  private static final String BUDGET_B = "On Monday evening the city council approved a budget of 12 million "
      + "dollars for new schools.";
  private static final String MAYOR_A = "The mayor praised teachers and parents for their long campaign for "
      + "better classrooms.";
  private static final String MAYOR_C = "At the meeting, the mayor praised teachers and parents for their long "
      + "campaign for better classrooms.";
  private static final String WEATHER_B = "Local weather forecasters expect heavy snow across the northern valleys "
      + "tomorrow morning.";

  private static StoryClaims claims() {
    return new StoryClaims(StoryClaims.Params.defaults(), new SentenceSplitter(TestModels.nlp()));
  }

  @Test
  void aClaimTwoOfThreeOutletsStateIsOmittedByTheThirdAndASentenceNoOtherStatesIsUnique() {
    String a = BUDGET_A + " " + MAYOR_A + " Critics from the opposition warned that the plan lacks any funding "
        + "for repairing roads.";
    String b = BUDGET_B + " " + WEATHER_B;
    String c = MAYOR_C + " Residents gathered outside the stadium to watch fireworks celebrating the town's "
        + "anniversary.";
    StoryClaims.Result r = claims().analyse(List.of(new StoryClaims.Input("a1", "A", a),
        new StoryClaims.Input("b1", "B", b), new StoryClaims.Input("c1", "C", c)));
    assertEquals(2, r.consensus().size(), "the budget (A, B) and the mayor's praise (A, C)");
    Map<String, StoryClaims.OutletResult> by = StoryClaims.byOutlet(r.outlets());
    assertTrue(by.get("A").omitted().isEmpty(), "A states both");
    assertEquals(1, by.get("B").omitted().size());
    assertEquals(List.of("A", "C"), by.get("B").omitted().get(0).outlets());
    assertEquals(1, by.get("C").omitted().size());
    StoryClaims.Consensus budget = by.get("C").omitted().get(0);
    assertEquals(List.of("A", "B"), budget.outlets());
    for (StoryClaims.Cited s : budget.sentences()) {
      String body = s.article().equals("a1") ? a : b;
      assertEquals(body.substring(s.start(), s.end()), s.text(), "the span is the sentence in its article");
      assertTrue(s.text().contains("12 million"));
    }
    assertEquals(List.of(WEATHER_B), by.get("B").unique().stream().map(StoryClaims.Cited::text).toList());
    assertEquals(1, by.get("A").unique().size());
    assertTrue(by.get("A").unique().get(0).text().startsWith("Critics"));
    assertEquals(1, by.get("C").unique().size());
  }

  @Test
  void aLooseParaphraseCountsAsStatingTheClaim() {
    String c = "Council members voted for the school budget, worth 12 million dollars, on Monday.";
    StoryClaims.Result r = claims().analyse(List.of(new StoryClaims.Input("a1", "A", BUDGET_A),
        new StoryClaims.Input("b1", "B", BUDGET_B), new StoryClaims.Input("c1", "C", c)));
    assertEquals(1, r.consensus().size());
    assertTrue(StoryClaims.byOutlet(r.outlets()).get("C").omitted().isEmpty(),
        "C states the budget in other words: not an omission");
  }

  @Test
  void twoOutletsGiveNothing() {
    StoryClaims.Result r = claims().analyse(List.of(new StoryClaims.Input("a1", "A", BUDGET_A),
        new StoryClaims.Input("a2", "A", MAYOR_A), new StoryClaims.Input("b1", "B", BUDGET_B)));
    assertTrue(r.outlets().isEmpty());
  }

  /** The pass over a store: profiles' evidence is real sentences of the right outlets; a second run does nothing. */
  @Test
  void thePassFindsEvidenceInTheStoreAndRunsEachStoryOnce() throws Exception {
    try (CorpusStore store = CorpusStore.open(dir)) {
      CorpusIngester in = new CorpusIngester(store, TestModels.nlp(), CorpusIngester.Settings.defaults(), s -> { });
      new InputReader(ParallaxConfig.defaults()).stream(List.of(TestModels.repoRoot().resolve("examples/port-strike")),
          in::accept, in::skip);
      in.close();
      StoryClaimsPass.Counts first = StoryClaimsPass.run(store, TestModels.nlp(), StoryClaims.Params.defaults());
      assertTrue(first.shared() >= 1, "the example corpus is one story of several outlets");
      assertEquals(first.shared(), first.analysed());
      StoryClaimsPass.Counts again = StoryClaimsPass.run(store, TestModels.nlp(), StoryClaims.Params.defaults());
      assertEquals(0, again.analysed(), "nothing changed, nothing analysed again");
      assertTrue(Files.exists(dir.resolve(OutletClaims.LOG)));
    }
    int checked = 0;
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      OutletProfiles p = OutletProfiles.load(dir, store.stories(null));
      int unique = 0;
      for (var e : p.outlets(null, null, 1)) {
        OutletProfile.Claims c = p.profile(e.getKey(), null, null).claims();
        unique += c.unique();
        assertTrue(c.unique() <= c.sentences());
        assertTrue(c.omitted() <= c.consensus());
        for (OutletProfile.UniqueClaim u : c.uniqueClaims()) {
          String[] x = u.ref().split(":");
          var a = store.article(x[0]);
          assertEquals(e.getKey(), OutletLedger.outletOf(a.article()), "a unique sentence is the outlet's own");
          assertEquals(u.story(), a.story());
          assertEquals(u.text(), a.article().body().substring(Integer.parseInt(x[1]), Integer.parseInt(x[2]))
              .strip().replaceAll("\\s+", " "));
          checked++;
        }
        for (OutletProfile.OmittedClaim o : c.omittedClaims()) {
          assertFalse(o.statedBy().contains(e.getKey()));
          for (String ref : o.refs()) {
            var a = store.article(ref.split(":")[0]);
            assertFalse(OutletLedger.outletOf(a.article()).equals(e.getKey()), "stated by other outlets");
          }
          checked++;
        }
      }
      assertTrue(unique > 0, "the outlets of the example story each say something the others do not");
    }
    assertTrue(checked > 0);
  }
}
