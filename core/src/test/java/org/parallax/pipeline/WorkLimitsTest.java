package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.ArticleReport;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.testing.TestModels;

/** Inputs over a work limit are analysed on their first part (or left out) with a reason, and never hang a run. */
class WorkLimitsTest {
  /** Far above what these tests need on a slow machine; only a hang would pass it. */
  private static final Duration NO_HANG = Duration.ofSeconds(120);
  private static final String PARAGRAPH = "Dockworkers walked out on Monday. \"We will not back down,\" union leader "
      + "Maria Costa told reporters outside the gate, as 1,200 workers joined. ";

  @TempDir
  Path dir;

  private Report analyze(String configJson, Path... inputs) throws IOException {
    Path cfg = Files.writeString(dir.resolve("config-" + System.nanoTime() + ".json"), configJson);
    try (Parallax p = new Parallax(ParallaxConfig.load(cfg), TestModels.nlp(), TestModels.embedder(), 2)) {
      return assertTimeoutPreemptively(NO_HANG, () -> p.analyze(List.of(inputs)));
    }
  }

  private static String reasons(Report r, String pathPart) {
    return String.join(" | ", r.skipped().stream().filter(s -> s.path().contains(pathPart)).map(Skipped::reason)
        .toList());
  }

  @Test
  void aHugeSingleLineIsAnalysedOnItsFirstPartWithEachCutNamed() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("oneline.txt"), PARAGRAPH.repeat(15_000), StandardCharsets.UTF_8); // ~2 MB
    Report r = analyze("{\"maxArticleChars\": 60000, \"maxSentences\": 300}", in);
    assertEquals(1, r.articles().size());
    ArticleReport a = r.articles().get(0);
    assertTrue(a.body().length() <= 60_000, "body " + a.body().length());
    assertTrue(a.sentences() <= 300, "sentences " + a.sentences());
    String why = reasons(r, "oneline.txt");
    assertTrue(why.contains("maxArticleChars") && why.contains("2,1"), why);
    assertTrue(why.contains("maxSentences"), why);
    assertTrue(r.quotes().size() <= ParallaxConfig.defaults().maxQuotesPerArticle(), "" + r.quotes().size());
  }

  @Test
  void longSentencesAreCutIntoPiecesAndQuotesBeyondTheLimitAreNamed() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    String noStops = "the union said workers would stay out \"until the offer improves\" and ".repeat(400);
    Files.writeString(in.resolve("run-on.txt"), "Strike goes on\n\n" + noStops, StandardCharsets.UTF_8);
    Report r = analyze("{\"maxSentenceChars\": 500, \"maxQuotesPerArticle\": 20}", in);
    assertEquals(1, r.articles().size());
    assertTrue(r.articles().get(0).sentences() > 40, "" + r.articles().get(0).sentences());
    String why = reasons(r, "run-on.txt");
    assertTrue(why.contains("maxSentenceChars"), why);
    assertTrue(why.contains("400 quotations") && why.contains("maxQuotesPerArticle"), why);
    assertTrue(r.quotes().size() <= 20, "" + r.quotes().size());
  }

  @Test
  void aPageNestedTooDeepIsReadAsPlainTextAndAPageWithTooManyTagsInPart() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    String article = "<p>" + "The port authority said on Monday that talks with the union would resume on Thursday. "
        .repeat(5) + "</p>";
    Files.writeString(in.resolve("deep.html"), "<html><head><title>Deep</title></head><body>"
        + "<div>".repeat(20_000) + article + "</div>".repeat(20_000) + "</body></html>");
    Files.writeString(in.resolve("wide.html"), "<html><body>" + article + "<span>x</span>".repeat(5_000)
        + "<p>The tail paragraph that is never read.</p></body></html>");
    Report r = analyze("{\"maxHtmlDepth\": 100, \"maxHtmlNodes\": 2000}", in);
    String deep = reasons(r, "deep.html");
    assertTrue(deep.contains("nested") && deep.contains("maxHtmlDepth"), deep);
    assertTrue(deep.contains("maxHtmlNodes"), deep); // 20,000 tags are also over 2,000: read in part, then as text
    String wide = reasons(r, "wide.html");
    assertTrue(wide.contains("maxHtmlNodes") && !wide.contains("maxHtmlDepth"), wide);
    ArticleReport w = r.articles().stream().filter(a -> a.id().equals("wide")).findFirst().orElseThrow();
    assertTrue(w.body().contains("talks with the union") && !w.body().contains("never read"), w.body());
  }

  @Test
  void anArticleOverItsTimeBudgetIsAbandonedWithAReasonAndTheRunGoesOn() throws IOException {
    Path examples = TestModels.repoRoot().resolve("examples/port-strike");
    Report r = analyze("{\"articleTimeoutMillis\": 1}", examples);
    int articles = TestModels.parallax().analyze(List.of(examples)).articles().size();
    // Every article is either analysed or named in skipped[]: a 1 ms budget abandons (nearly) all of them.
    for (Skipped s : r.skipped()) {
      assertTrue(s.reason().contains("articleTimeoutMillis"), s.toString());
    }
    assertEquals(articles, r.articles().size() + r.skipped().size(), r.skipped().toString());
    assertTrue(!r.skipped().isEmpty());
  }

  @Test
  void aFolderMixingHostileAndGoodArticlesReportsTheGoodOnes() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (Stream<Path> s = Files.list(TestModels.repoRoot().resolve("examples/port-strike"))) {
      for (Path f : s.toList()) {
        Files.copy(f, in.resolve(f.getFileName()));
      }
    }
    Files.writeString(in.resolve("zz-oneline.txt"), PARAGRAPH.repeat(15_000), StandardCharsets.UTF_8);
    Files.writeString(in.resolve("zz-deep.html"), "<html><body>" + "<div>".repeat(50_000) + "</body></html>");
    Report r = analyze("{}", in);
    List<String> ids = r.articles().stream().map(ArticleReport::id).toList();
    assertTrue(ids.containsAll(List.of("free-market-herald", "workers-voice", "harbour-ledger")), ids.toString());
    assertTrue(!r.claims().isEmpty() && !r.summary().isEmpty());
    assertTrue(reasons(r, "zz-deep.html").contains("maxHtmlDepth"), reasons(r, "zz-deep.html"));
    assertTrue(reasons(r, "zz-oneline.txt").contains("maxArticleChars"), reasons(r, "zz-oneline.txt"));
  }
}
