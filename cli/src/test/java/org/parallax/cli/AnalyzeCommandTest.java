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

  @Test
  void progressLinesCountInputsWhileReadingThenArticlesWithAnEta() {
    var reading = new org.parallax.pipeline.AnalysisProgress(40, 250, 1000, true, 0, 0, 4_000_000_000L);
    assertEquals("analyze: 40 inputs read in 4 s, 25% of input, reading ETA 0:12",
        AnalyzeCommand.Progress.line(reading, -1));
    var analysing = new org.parallax.pipeline.AnalysisProgress(160, 1000, 1000, false, 150, 50, 14_000_000_000L);
    // analysis began at 4 s: 50 articles in 10 s, 100 left at 5/s
    assertEquals("analyze: 160 inputs read; 50 of 150 articles analysed in 14 s, 5.0 articles/s, ETA 0:20",
        AnalyzeCommand.Progress.line(analysing, 4_000_000_000L));
  }

  @Test
  void aHostileSingleLineFileIsReportedInPartNextToTheGoodArticlesWithExitOne() throws Exception {
    Files.copy(TestModels.repoRoot().resolve("examples/port-strike/free-market-herald.txt"), dir.resolve("a.txt"));
    Files.copy(TestModels.repoRoot().resolve("examples/port-strike/workers-voice.txt"), dir.resolve("b.txt"));
    Files.writeString(dir.resolve("c-oneline.txt"), "Dockworkers walked out on Monday, the union said. "
        .repeat(40_000));
    Path json = dir.resolve("r.json");
    CliRun r = CliRun.of("analyze", dir.toString(), "--json", json.toString());
    assertEquals(ExitCodes.SOME_SKIPPED, r.code(), r.err());
    assertTrue(r.err().contains("c-oneline.txt: article text is 2,000,000 characters"), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(3, root.get("articles").size());
  }
}
