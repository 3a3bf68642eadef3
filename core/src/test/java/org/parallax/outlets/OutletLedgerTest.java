package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Article;
import org.parallax.model.Copy;

class OutletLedgerTest {
  @TempDir
  Path dir;

  private static Article article(String id, String outlet, String date, String body) {
    return new Article(id, id + ".txt", outlet, null, null, date, null, "en", body, List.of());
  }

  private static final OutletLanguage LANGUAGE = new OutletLanguage();

  private static void put(OutletLedger l, String id, String outlet, String date, String story, List<Copy> copies) {
    String body = "The senator gave a shocking and outrageous speech about the radical plan.";
    l.place(id, article(id, outlet, date, body), story, copies, null);
    l.addLanguage(id, LANGUAGE.measure(body));
  }

  private static Copy copy(String source, String copy) {
    return new Copy(source, copy, "copy", 0.9, 0.9, "test");
  }

  @Test
  void eachSaveAppendsOnlyItsArticlesAndAReloadGivesTheSameFigures() throws Exception {
    OutletLedger l = OutletLedger.empty();
    put(l, "a1", "Alpha", "2021-12-07", "s1", List.of());
    put(l, "b1", "Beta", "2021-12-08", "s1", List.of(copy("a1", "b1")));
    l.save(dir);
    byte[] first = Files.readAllBytes(dir.resolve(OutletLedger.LOG));
    assertEquals(2, new String(first, StandardCharsets.UTF_8).split("\n").length);
    put(l, "a2", "Alpha", "2022-01-02", "s2", List.of());
    l.save(dir);
    byte[] second = Files.readAllBytes(dir.resolve(OutletLedger.LOG));
    assertTrue(new String(second, StandardCharsets.UTF_8).startsWith(new String(first, StandardCharsets.UTF_8)),
        "a save appends; it never rewrites earlier lines");
    assertEquals(3, new String(second, StandardCharsets.UTF_8).split("\n").length);
    l.save(dir); // nothing new: nothing written
    assertEquals(second.length, Files.size(dir.resolve(OutletLedger.LOG)));

    OutletLedger r = OutletLedger.load(dir);
    assertEquals(figures(l), figures(r));
    OutletLedger.Month alpha = r.outlets().get("Alpha").get("2021-12");
    assertEquals(1, alpha.articles);
    assertEquals(List.of("a1>b1"), alpha.originated);
    assertEquals(List.of("a1>b1"), r.outlets().get("Beta").get("2021-12").rewrote);
    assertTrue(alpha.loaded > 0 && alpha.words > 0, "language counted: " + alpha.loaded + "/" + alpha.words);
  }

  @Test
  void anAppendingLedgerHoldsNoFiguresAndItsLogReadsBackAsTheCountingOnes() throws Exception {
    OutletLedger counting = OutletLedger.empty();
    Path other = Files.createDirectory(dir.resolve("counting"));
    OutletLedger appending = OutletLedger.appending(dir);
    for (OutletLedger l : List.of(counting, appending)) {
      put(l, "a1", "Alpha", "2021-12-07", "s1", List.of());
      put(l, "b1", "Beta", "2021-12-08", "s1", List.of(copy("a1", "b1")));
      put(l, "b1", "Beta", "2021-12-08", "s1", List.of()); // placed twice in a batch: logged once
      l.save(l == counting ? other : dir);
      put(l, "a2", "Alpha", "2022-01-02", "s2", List.of(copy("a2", "b1")));
      l.save(l == counting ? other : dir);
    }
    assertTrue(appending.outlets().isEmpty(), "an appending ledger counts nothing in memory");
    assertEquals(Files.readString(other.resolve(OutletLedger.LOG)), Files.readString(dir.resolve(OutletLedger.LOG)));
    assertEquals(figures(counting), figures(OutletLedger.load(dir)));
    assertEquals(List.of("a1>b1", "a2>b1"), OutletLedger.load(dir).outlets().get("Beta").get("2021-12").rewrote);
  }

  /** As a counting ledger reloaded from the log, and as ingest's appending one (the log's reader drops it). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void anArticlePlacedAgainAfterACrashIsCountedOnce(boolean appending) throws Exception {
    OutletLedger l = appending ? OutletLedger.appending(dir) : OutletLedger.empty();
    put(l, "a1", "Alpha", "2021-12-07", "s1", List.of());
    l.save(dir);
    // the store did not commit a1; a rerun ingests it again
    OutletLedger again = appending ? OutletLedger.appending(dir) : OutletLedger.load(dir);
    put(again, "a1", "Alpha", "2021-12-07", "s1", List.of());
    put(again, "a2", "Alpha", "2021-12-09", "s1", List.of());
    again.save(dir);
    OutletLedger.Month m = OutletLedger.load(dir).outlets().get("Alpha").get("2021-12");
    assertEquals(2, m.articles);
    assertEquals(List.of("a1", "a2"), m.articleIds);
  }

  @Test
  void anUnfinishedLastLineIsDroppedAndCutOffAtTheNextSave() throws Exception {
    OutletLedger l = OutletLedger.empty();
    put(l, "a1", "Alpha", "2021-12-07", "s1", List.of());
    l.save(dir);
    Files.writeString(dir.resolve(OutletLedger.LOG), "{\"id\":\"a9\",\"o\":\"Al", StandardOpenOption.APPEND);
    OutletLedger r = OutletLedger.load(dir);
    assertEquals(1, r.outlets().get("Alpha").get("2021-12").articles);
    put(r, "a2", "Alpha", "2021-12-09", "s1", List.of());
    r.save(dir);
    Files.writeString(dir.resolve(OutletLedger.LOG), "{\"id\":\"a8\",\"o\":\"Al", StandardOpenOption.APPEND);
    OutletLedger w = OutletLedger.appending(dir); // as ingest opens it
    put(w, "a3", "Alpha", "2021-12-10", "s1", List.of());
    w.save(dir);
    String log = Files.readString(dir.resolve(OutletLedger.LOG));
    assertFalse(log.contains("a8"), log);
    assertFalse(log.contains("a9"), log);
    assertEquals(3, OutletLedger.load(dir).outlets().get("Alpha").get("2021-12").articles);
  }

  @Test
  void aDamagedLineInsideTheLogIsAClearError() throws Exception {
    Files.writeString(dir.resolve(OutletLedger.LOG), "{\"id\":\"a1\",\"o\":\"Alpha\",\"m\":\"2021-12\"}\nnot json\n"
        + "{\"id\":\"a2\",\"o\":\"Alpha\",\"m\":\"2021-12\"}\n");
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> OutletLedger.load(dir));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void articleIdsKeptPerMonthAreBoundedWhileCountsStayExact() throws Exception {
    OutletLedger l = OutletLedger.empty();
    for (int i = 0; i < OutletLedger.IDS_KEPT + 7; i++) {
      put(l, "x" + i, "Alpha", "2021-12-07", "s" + i, List.of());
    }
    l.save(dir);
    OutletLedger.Month m = OutletLedger.load(dir).outlets().get("Alpha").get("2021-12");
    assertEquals(OutletLedger.IDS_KEPT + 7, m.articles);
    assertEquals(OutletLedger.IDS_KEPT, m.articleIds.size());
    assertEquals(OutletLedger.IDS_KEPT + 7, m.stories.size());
  }

  private static String figures(OutletLedger l) throws Exception {
    return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(l.outlets())
        + l.examples("Alpha") + l.examples("Beta");
  }
}
