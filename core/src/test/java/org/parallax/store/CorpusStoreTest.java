package org.parallax.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Article;

class CorpusStoreTest {
  @TempDir
  Path dir;

  static Article article(String id, String url, String outlet, String date, String body) {
    return new Article(id, id + ".txt", outlet, url, "Title of " + id, date, null, "en", body, List.of());
  }

  @Test
  void contentHashIgnoresCaseAndSpacingAndNeverChanges() {
    // Stores keep this hash as the exact-duplicate key: a new version must compute what earlier ones stored.
    String text = "  The Port of Eastbridge\n\nreopened\t on FRIDAY, \u00C9lise said \u201Cyes\u201D.\u2003\u0130stanbul  ";
    assertEquals("ceb81ed62fa590df3159b487efb14e74", CorpusStore.contentHash(text));
    assertEquals(CorpusStore.contentHash("The Port of Eastbridge\n\nreopened on FRIDAY."),
        CorpusStore.contentHash("  the port of  eastbridge reopened\ton friday. "));
    assertEquals("f52a15e9a9b5e89be220a8397b1dcdaf", CorpusStore.contentHash(""));
  }

  @Test
  void reAddingTheSameArticleIsANoOpByUrlOrByText() {
    try (CorpusStore s = CorpusStore.open(dir)) {
      assertTrue(s.add(article("a", "https://www.example.org/news/strike?utm_source=x", "Wire", "2025-03-10",
          "Dockworkers went on strike on Monday.")).added());
      CorpusStore.Added sameUrl = s.add(article("a2", "http://example.org/news/strike/#top", "Wire", "2025-03-10",
          "A different scrape of the same page."));
      assertFalse(sameUrl.added());
      assertEquals("a", sameUrl.existing());
      CorpusStore.Added sameText = s.add(article("b", null, "Other", null, "  dockworkers WENT on strike on Monday. "));
      assertFalse(sameText.added());
      assertEquals("same text", sameText.reason());
      s.commit();
      assertEquals(1, s.size());
    }
    try (CorpusStore s = CorpusStore.open(dir)) {
      assertFalse(s.add(article("a", null, "Wire", null, "Dockworkers went on strike on Monday.")).added(),
          "recognised after reopening");
      assertTrue(s.add(article("a", null, "Wire", null, "Another story with the same file name.")).added());
      s.commit();
      assertEquals(2, s.size());
    }
  }

  @Test
  void aReadOnlyStoreSeesCommittedBatchesOfAWriterAndKeepsWhatTheCleanerRemoved() {
    assertThrows(org.parallax.ParallaxException.class, () -> CorpusStore.openReadOnly(dir.resolve("none")),
        "no store, no reader");
    try (CorpusStore writer = CorpusStore.open(dir)) {
      Article a = new Article("a", "a.txt", "Wire", null, "Strike", "2025-03-10", "Jo Reporter", "en",
          "Dockworkers went on strike on Monday.", List.of(new org.parallax.model.Removed("Home › News", "breadcrumb"),
          new org.parallax.model.Removed("Sign up for our newsletter", "newsletter")));
      writer.add(a);
      writer.commit();
      try (CorpusStore reader = CorpusStore.openReadOnly(dir)) {
        assertTrue(reader.readOnly());
        CorpusStore.StoredArticle got = reader.article("a");
        assertEquals(a.removed(), got.article().removed());
        assertEquals("Jo Reporter", got.article().byline());
        assertEquals(null, reader.article("b"));
        assertThrows(IllegalStateException.class, () -> reader.add(article("c", null, "X", null, "text")));
        long before = reader.version();
        writer.add(article("b", null, "Wire", null, "Talks resume on Thursday."));
        writer.commit();
        assertEquals(null, reader.article("b"), "not before a refresh");
        reader.refresh();
        assertTrue(reader.version() != before);
        assertEquals("b", reader.article("b").article().id());
      }
    }
  }

  @Test
  void searchFiltersByOutletAndDate() {
    try (CorpusStore s = CorpusStore.open(dir)) {
      s.add(article("w1", null, "WireNow", "2025-03-10", "Dockworkers at the port began a strike over pay."));
      s.add(article("w2", null, "WireNow", "2025-04-02", "The strike at the port ended after talks."));
      s.add(article("h1", null, "Harbour Ledger", "2025-03-11", "Port strike enters its second day."));
      s.commit();
      assertEquals(3, s.search("strike", null, null, null, 10).size());
      assertEquals(List.of("h1"), ids(s.search("strike", "harbour ledger", null, null, 10)));
      assertEquals(List.of("w1", "h1"), ids(s.search("strike", null, "2025-03-01", "2025-03-31", 10)).stream()
          .sorted((a, b) -> a.equals("w1") ? -1 : 1).toList());
      assertEquals(List.of("w2"), ids(s.search("\"strike at the port ended\"", null, null, null, 10)));
      List<Article> all = new ArrayList<>();
      s.forEach(all::add);
      assertEquals(3, all.size());
    }
  }

  private static List<String> ids(List<CorpusStore.Hit> hits) {
    return hits.stream().map(CorpusStore.Hit::id).toList();
  }

  @Test
  void aProcessKilledMidBatchLeavesTheLastCommittedBatchAndAStoreThatOpens() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        StoreCrashChild.class.getName(), dir.toString()).inheritIO().start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "the child halts itself like kill -9");
    try (CorpusStore s = CorpusStore.open(dir)) {
      assertEquals(StoreCrashChild.COMMITTED, s.size());
      assertFalse(s.add(article("c0", null, "Wire", null, "Committed article number 0.")).added());
      assertTrue(s.add(article("u0", null, "Wire", null, "Uncommitted article number 0.")).added(),
          "the uncommitted batch is gone, so it is added again on resume");
    }
  }
}
