package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;
import picocli.CommandLine;

class CorpusCommandsTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void ingestIsIdempotentSearchFindsAndExportRoundTrips() throws Exception {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    String store = dir.resolve("store").toString();
    Run first = run("ingest", examples, "--store", store);
    assertEquals(ExitCodes.OK, first.code(), first.err());
    assertTrue(first.err().contains("5 added"), first.err());
    Run again = run("ingest", examples, "--store", store);
    assertTrue(again.err().contains("0 added, 5 already stored"), again.err());
    Run hits = run("search", "strike", "--store", store, "--outlet", "WireNow");
    assertTrue(hits.out().contains("wirenow-eastbridge") && hits.out().contains("1 hits"), hits.out());
    Path export = dir.resolve("all.jsonl");
    assertEquals(ExitCodes.OK, run("export", "--articles", export.toString(), "--store", store).code());
    assertEquals(5, Files.readAllLines(export).size());
    Run reimport = run("ingest", export.toString(), "--store", dir.resolve("copy").toString());
    assertTrue(reimport.err().contains("5 added"), reimport.err());
  }

  @Test
  void searchWithoutAStoreSaysSo() {
    Run r = run("search", "strike", "--store", dir.resolve("none").toString());
    assertEquals(ExitCodes.NOTHING_ANALYSED, r.code());
    assertTrue(r.err().contains("no store"), r.err());
  }
}
