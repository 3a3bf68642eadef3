package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.clean.OutletAliases;
import org.parallax.model.Article;
import org.parallax.store.CorpusStore;
import org.parallax.testing.TestModels;

class OutletProfilesTest {
  @TempDir
  Path dir;

  private void ingest(List<Path> paths) {
    try (CorpusStore store = CorpusStore.open(dir)) {
      CorpusIngester in = new CorpusIngester(store, TestModels.nlp(), CorpusIngester.Settings.defaults(), s -> { });
      new InputReader(ParallaxConfig.defaults()).stream(paths, in::accept, in::skip);
      in.close();
    }
  }

  private OutletProfiles profiles() throws Exception {
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      return new OutletProfiles(OutletLedger.load(dir), store.stories(null));
    }
  }

  @Test
  void everyLoadedTermExampleIsThatTermInThatArticle() throws Exception {
    ingest(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
    OutletProfiles p = profiles();
    assertFalse(p.outlets(null, null, 1).isEmpty());
    int checked = 0;
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      for (var e : p.outlets(null, null, 1)) {
        OutletProfile o = p.profile(e.getKey(), null, null);
        assertEquals(e.getValue(), o.articles());
        assertEquals(o.articles(), o.articleIds().size());
        for (String id : o.articleIds()) {
          assertEquals(e.getKey(), OutletLedger.outletOf(store.article(id).article()));
        }
        for (OutletProfile.Term t : o.topTerms()) {
          for (String ex : t.examples()) {
            String[] x = ex.split(":");
            Article a = store.article(x[0]).article();
            assertEquals(t.term(), a.body().substring(Integer.parseInt(x[1]), Integer.parseInt(x[2]))
                .toLowerCase(java.util.Locale.ROOT));
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 0, "the example corpus has loaded terms (the Free Market Herald's, at least)");
    assertNull(p.profile("no such outlet", null, null));
  }

  /**
   * Party voices survive the ledger's log (the profile is read back from disk): Workers' Voice quotes a Democratic
   * congresswoman twice, labelled once; every evidence span is a quotation the heuristic finds in the stored body.
   */
  @Test
  void partyVoicesAreKeptWithSpansIntoTheStoredBody() throws Exception {
    ingest(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
    OutletProfiles p = profiles();
    int quotes = 0;
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      for (var e : p.outlets(null, null, 1)) {
        OutletProfile.Voices v = p.profile(e.getKey(), null, null).voices();
        assertEquals(v.quotes(), v.evidence().size());
        for (OutletProfile.PartyQuote q : v.evidence()) {
          String[] x = q.ref().split(":");
          String body = store.article(x[0]).article().body();
          int s = Integer.parseInt(x[1]);
          int end = Integer.parseInt(x[2]);
          assertTrue(new PartyVoices().find(body).stream().anyMatch(f -> f.start() == s && f.end() == end
              && String.valueOf(f.party()).equals(q.party()) && f.name().equals(q.name())), q.toString());
          quotes++;
        }
      }
      OutletProfile.Voices workers = p.profile("Workers' Voice", null, null).voices();
      assertEquals(2, workers.democratic(), workers.toString());
      assertEquals(0, workers.republican());
      assertEquals(1, workers.democraticVoices());
      assertEquals(0.0, workers.republicanShare());
      assertTrue(Double.isNaN(p.profile("Free Market Herald", null, null).voices().republicanShare()));
    }
    assertEquals(2, quotes, "only Workers' Voice quotes a speaker whose party it states");
  }

  /** Every copy the store holds between two outlets counts on both sides, with its pair. */
  @Test
  void copiesCountOnBothSidesWithTheirPairs() throws Exception {
    ingest(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
    OutletProfiles p = profiles();
    List<org.parallax.model.Copy> copies = new java.util.ArrayList<>();
    int across = 0;
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      store.forEachCopy(copies::add);
      for (org.parallax.model.Copy c : copies) {
        String from = OutletLedger.outletOf(store.article(c.source()).article());
        String to = OutletLedger.outletOf(store.article(c.copy()).article());
        String pair = c.source() + ">" + c.copy();
        assertEquals(!from.equals(to), p.profile(from, null, null).originatedPairs().contains(pair), pair);
        assertEquals(!from.equals(to), p.profile(to, null, null).rewrotePairs().contains(pair), pair);
        if (!from.equals(to)) {
          across++;
          assertTrue(p.profile(to, null, null).mainSources().stream().anyMatch(s -> s.outlet().equals(from)));
        }
      }
    }
    assertTrue(across > 0, "the example corpus has a spun copy between outlets: " + copies);
    assertEquals("New York Times", OutletAliases.defaults().canonical("nytimes.com"));
  }

  /** Kept current incrementally: two runs give what one run gives. */
  @Test
  void aSecondIngestAddsToTheFigures() throws Exception {
    Path ex = TestModels.repoRoot().resolve("examples/port-strike");
    ingest(List.of(ex.resolve("harbour-ledger.html"), ex.resolve("workers-voice.txt")));
    int first = profiles().outlets(null, null, 1).stream().mapToInt(e -> e.getValue()).sum();
    ingest(List.of(ex));
    int all = profiles().outlets(null, null, 1).stream().mapToInt(e -> e.getValue()).sum();
    try (CorpusStore store = CorpusStore.openReadOnly(dir)) {
      assertEquals(store.size(), all);
    }
    assertTrue(all > first, first + " then " + all);
  }

  @Test
  void monthsOutsideThePeriodAreLeftOut() {
    assertTrue(OutletProfiles.in("2021-12", "2021-01", "2021-12"));
    assertFalse(OutletProfiles.in("2022-01", "2021-01", "2021-12"));
    assertFalse(OutletProfiles.in(OutletLedger.UNDATED, "2021-01", null));
    assertTrue(OutletProfiles.in(OutletLedger.UNDATED, null, null));
    assertEquals(2.5, OutletProfiles.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }
}
