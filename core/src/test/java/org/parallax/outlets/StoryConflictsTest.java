package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.model.Quantity;
import org.parallax.nlp.SentenceSplitter;
import org.parallax.store.CorpusStore;
import org.parallax.testing.TestModels;

class StoryConflictsTest {
  @TempDir
  Path dir;

  private static final String PORT = "Eleven container ships were waiting at anchor outside the harbour by Monday "
      + "evening, according to port data.";
  private static final String UNION = "By Monday evening, 14 container ships were waiting at anchor outside the "
      + "harbour, the union said.";
  private static final String OTHER = "Residents gathered outside the stadium to watch fireworks celebrating the "
      + "town's anniversary.";

  /** The story's conflicts found by the lexical pairs, the tagger, the embedder and the detector. */
  private static List<StoryConflicts.Found> conflicts(String a, String b, String c) {
    StoryClaims.Result r = new StoryClaims(StoryClaims.Params.defaults(), new SentenceSplitter(TestModels.nlp()))
        .analyse(List.of(new StoryClaims.Input("a1", "A", a), new StoryClaims.Input("b1", "B", b),
            new StoryClaims.Input("c1", "C", c)));
    StoryConflicts sc = new StoryConflicts(TestModels.nlp(), StoryClaims.Params.defaults().link());
    List<StoryConflicts.Prepared> prepared = sc.prepare(r.pairs());
    Map<String, float[]> vectors = StoryConflicts.embed(TestModels.embedder(), StoryConflicts.texts(prepared));
    return sc.detect(prepared, vectors);
  }

  @Test
  void twoOutletsGivingDifferentCountsOfTheSameShipsConflict() {
    List<StoryConflicts.Found> found = conflicts(PORT, UNION, OTHER);
    assertEquals(1, found.size(), found.toString());
    StoryConflicts.Found f = found.get(0);
    assertEquals("quantity", f.conflict().kind());
    assertTrue(f.conflict().shown());
    assertEquals(java.util.Set.of("A", "B"), java.util.Set.of(f.a().outlet(), f.b().outlet()));
    // The first side is the detector's first statement, whose value is listed first.
    String first = f.a().outlet().equals("A") ? PORT : UNION;
    assertEquals(first, f.a().cited().text());
    assertTrue(first.contains(f.conflict().values().get(0)), f.conflict().toString());
    assertTrue(f.similarity() > 0.6 && f.score() >= StoryConflicts.PAIR_SCORE, f.toString());
  }

  @Test
  void theSameCountIsNoConflictAndNeitherIsACountOfOthers() {
    assertTrue(conflicts(PORT, PORT.replace("by Monday", "on Monday"), OTHER).isEmpty());
    // "12 other mayors" and Alvarez are the compact's 13: relative counts are not compared.
    String a = "The network's website lists 13 mayors, including Alvarez, and 140 council members who signed the "
        + "compact on clean water.";
    String b = "Alvarez, along with 12 other mayors and 140 council members, signed the compact on clean water, "
        + "the network's website lists.";
    assertTrue(conflicts(a, b, OTHER).isEmpty());
  }

  @Test
  void aDayIsComparedOnlyBetweenSentencesLinkedAsOneClaim() {
    String a = "The president signed the infrastructure bill into law on Tuesday at a White House ceremony.";
    String b = "The president signed the infrastructure bill into law on Wednesday at a White House ceremony.";
    List<StoryConflicts.Found> found = conflicts(a, b, OTHER);
    assertEquals(1, found.size(), found.toString());
    assertEquals("day", found.get(0).conflict().slot());
    // Another statement of the president's on another day shares the words of the event, not the statement.
    String c = "The president said on Wednesday he would sign a bill on roads and bridges soon.";
    assertTrue(conflicts(a, c, OTHER).isEmpty());
  }

  @Test
  void aNegationInAClauseTheOtherLacksIsNoConflict() {
    String a = "Mayor Alvarez, who is not running for a second term, opened the new harbour bridge on Friday.";
    String b = "Mayor Alvarez, who drew up the plans years ago, opened the new harbour bridge on Friday.";
    assertTrue(conflicts(a, b, OTHER).isEmpty());
  }

  @Test
  void relativeAndApproximateCountsAreNotCompared() {
    assertTrue(ConflictSubset.relative("along with 12 other mayors and 140 council members",
        new Quantity(12, "mayor", "12 other", false)));
    assertTrue(ConflictSubset.relative("The director resigned three days later, on a Friday",
        new Quantity(3, "day", "three days", false)));
    assertTrue(ConflictSubset.relative("waves of 6 feet or more", new Quantity(6, "feet", "6 feet", false)));
    assertTrue(ConflictSubset.relative("has asked another five countries",
        new Quantity(5, "country", "five countries", false)));
    assertFalse(ConflictSubset.relative("a collapse that killed 41 miners near the town",
        new Quantity(41, "miner", "41 miners", false)));
    assertFalse(ConflictSubset.relative("a collapse killed 41 miners after a fire",
        new Quantity(41, "miner", "41 miners", false)), "only a duration is counted from an event");
    assertTrue(ConflictSubset.relative("she left 8 years ago", new Quantity(8, "year", "8 years", false)));
    assertEquals(java.util.Set.of("kille"), ConflictSubset.neighbours("a collapse that killed 41 miners near the",
        new Quantity(41, "miner", "41 miners", false)).stream().filter("kille"::equals)
        .collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * The pass over the example corpus: Workers' Voice's 14 ships against the port's eleven in the three other
   * outlets' articles (the wire's spun copy left out), on both sides' profiles, with their sentences as evidence;
   * a store analysed before conflicts were looked for is analysed again once.
   */
  @Test
  void thePassFindsThePlantedConflictAndKeepsItCurrent() throws Exception {
    try (CorpusStore store = CorpusStore.open(dir)) {
      CorpusIngester in = new CorpusIngester(store, TestModels.nlp(), CorpusIngester.Settings.defaults(), s -> { });
      new InputReader(ParallaxConfig.defaults()).stream(List.of(TestModels.repoRoot().resolve("examples/port-strike")),
          in::accept, in::skip);
      in.close();
      StoryClaimsPass.Counts without = StoryClaimsPass.run(store, TestModels.nlp(), StoryClaims.Params.defaults(),
          null);
      assertEquals(without.shared(), without.analysed());
      assertEquals(0, without.conflicts());
      try (CorpusStore read = CorpusStore.openReadOnly(dir)) {
        OutletProfile.Claims c = OutletProfiles.load(dir, read.stories(null)).profile("Workers' Voice", null, null)
            .claims();
        assertEquals(0, c.conflictStories(), "not looked for: no story counts as compared");
        assertTrue(Double.isNaN(OutletProfiles.load(dir, read.stories(null)).profile("Workers' Voice", null, null)
            .months().get(0).conflictShare()));
      }
      StoryClaimsPass.Counts with = StoryClaimsPass.run(store, TestModels.nlp(), StoryClaims.Params.defaults(),
          TestModels::embedder);
      assertEquals(with.shared(), with.analysed(), "stories analysed without conflicts are analysed again");
      assertEquals(3, with.conflicts(), "Workers' Voice against the Herald, the wire and the Ledger");
      assertEquals(0, StoryClaimsPass.run(store, TestModels.nlp(), StoryClaims.Params.defaults(),
          TestModels::embedder).analysed(), "then nothing changed, nothing analysed again");
    }
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      OutletProfiles p = OutletProfiles.load(dir, store.stories(null));
      OutletProfile wv = p.profile("Workers' Voice", null, null);
      assertEquals(3, wv.claims().conflicts());
      assertEquals(1, wv.claims().storiesWithConflicts());
      assertEquals(1, wv.claims().conflictStories());
      assertEquals(3, wv.months().stream().mapToInt(OutletProfile.Month::conflicts).sum());
      assertEquals(1.0, wv.months().stream().filter(m -> m.conflicts() > 0).findFirst().orElseThrow()
          .conflictShare());
      int others = 0;
      for (OutletProfile.ConflictClaim c : wv.claims().conflictClaims()) {
        assertEquals("quantity", c.kind());
        assertTrue(c.values().get(0).startsWith("14"), c.toString());
        var own = store.article(c.ref().split(":")[0]);
        assertEquals("Workers' Voice", OutletLedger.outletOf(own.article()));
        assertEquals(c.story(), own.story());
        String[] x = c.ref().split(":");
        assertEquals(c.text(), own.article().body().substring(Integer.parseInt(x[1]), Integer.parseInt(x[2])));
        var other = store.article(c.otherRef().split(":")[0]);
        assertEquals(c.otherOutlet(), OutletLedger.outletOf(other.article()));
        assertTrue(c.otherText().contains("Eleven container ships"), c.otherText());
        others++;
      }
      assertEquals(3, others);
      for (String o : List.of("Free Market Herald", "WireNow", "The Harbour Ledger")) {
        OutletProfile.Claims c = p.profile(o, null, null).claims();
        assertEquals(1, c.conflicts(), o);
        assertEquals("Workers' Voice", c.conflictClaims().get(0).otherOutlet());
        assertTrue(c.conflictClaims().get(0).values().get(1).startsWith("14"), "the other's value second");
      }
      assertNull(p.profile("NewsBuzz24", null, null).claims().conflictClaims().stream().findFirst().orElse(null),
          "the spun copy of the wire is left out");
    }
  }
}
