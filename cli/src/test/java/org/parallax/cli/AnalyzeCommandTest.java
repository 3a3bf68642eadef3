package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;

class AnalyzeCommandTest {
  @TempDir
  Path dir;

  @Test
  void analysesTheExamplesWritingJsonAndHtmlWithExitZero() throws Exception {
    Path json = dir.resolve("r.json");
    Path html = dir.resolve("r.html");
    CliRun r = CliRun.of("analyze", TestModels.repoRoot().resolve("examples/port-strike").toString(), "--json",
        json.toString(), "--html", html.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(5, root.get("articles").size());
    assertTrue(Files.readString(html).contains("Neutral summary"));
  }

  @Test
  void terminalSummaryWhenNoOutputFileIsGiven() {
    CliRun r = CliRun.of("analyze", TestModels.repoRoot().resolve("examples/port-strike/wire-feed.jsonl").toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("NEUTRAL SUMMARY") && r.out().contains("REUSE"), r.out());
  }

  @Test
  void skippedInputsGiveExitOneAndAreNamedOnStderr() throws Exception {
    Files.copy(TestModels.repoRoot().resolve("examples/port-strike/free-market-herald.txt"), dir.resolve("a.txt"));
    Files.write(dir.resolve("b.txt"), new byte[0]);
    CliRun r = CliRun.of("analyze", dir.toString(), "--json", dir.resolve("out.json").toString());
    assertEquals(ExitCodes.SOME_SKIPPED, r.code());
    assertTrue(r.err().contains("b.txt: empty file"), r.err());
  }

  @Test
  void nothingAnalysableGivesExitThreeAndUsageErrorsExitTwo() throws Exception {
    Files.write(dir.resolve("only.txt"), new byte[0]);
    assertEquals(ExitCodes.NOTHING_ANALYSED, CliRun.of("analyze", dir.resolve("only.txt").toString()).code());
    assertEquals(ExitCodes.USAGE, CliRun.of("analyze").code());
    assertEquals(ExitCodes.USAGE, CliRun.of("analyze", "x", "--no-such-option").code());
  }
}
