package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;

class CorpusCommandsTest {
  @TempDir
  Path dir;

  @Test
  void ingestIsIdempotentSearchFindsAndExportRoundTrips() throws Exception {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    String store = dir.resolve("store").toString();
    CliRun first = CliRun.of("ingest", examples, "--store", store);
    assertEquals(ExitCodes.OK, first.code(), first.err());
    assertTrue(first.err().contains("5 added"), first.err());
    CliRun again = CliRun.of("ingest", examples, "--store", store);
    assertTrue(again.err().contains("0 added, 5 already stored"), again.err());
    CliRun hits = CliRun.of("search", "strike", "--store", store, "--outlet", "WireNow");
    assertTrue(hits.out().contains("wirenow-eastbridge") && hits.out().contains("1 hits"), hits.out());
    Path export = dir.resolve("all.jsonl");
    assertEquals(ExitCodes.OK, CliRun.of("export", "--articles", export.toString(), "--store", store).code());
    assertEquals(5, Files.readAllLines(export).size());
    CliRun reimport = CliRun.of("ingest", export.toString(), "--store", dir.resolve("copy").toString());
    assertTrue(reimport.err().contains("5 added"), reimport.err());
  }

  @Test
  void searchWithoutAStoreSaysSo() {
    CliRun r = CliRun.of("search", "strike", "--store", dir.resolve("none").toString());
    assertEquals(ExitCodes.NOTHING_ANALYSED, r.code());
    assertTrue(r.err().contains("no store"), r.err());
  }
}
