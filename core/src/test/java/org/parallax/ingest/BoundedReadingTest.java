package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;

class BoundedReadingTest {
  @TempDir
  Path dir;

  @Test
  void linesOverTheLimitAreCutAndFlaggedAndTheNextLineIsFound() throws IOException {
    String longLine = "x".repeat(200_000);
    BoundedLineReader r = new BoundedLineReader(new StringReader("short\r\n" + longLine + "\nlast"), 1000);
    assertEquals("short", r.readLine());
    assertTrue(!r.lastCut());
    assertEquals(1000, r.readLine().length());
    assertTrue(r.lastCut());
    assertEquals(200_000, r.lastLength());
    assertEquals("last", r.readLine());
    assertTrue(!r.lastCut());
    assertNull(r.readLine());
  }

  @Test
  void aGiantJsonLineIsReportedWithItsSizeAndTheOthersAreRead() throws IOException {
    ParallaxConfig small = withMaxFileBytes(10_000);
    Path f = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("{\"id\": \"a\", \"text\": \"Dockworkers went on strike on Monday, the union said.\"}\n");
      w.write("{\"id\": \"giant\", \"text\": \"" + "word ".repeat(50_000) + "\"}\n");
      w.write("{\"id\": \"c\", \"text\": \"Talks resume on Thursday, officials said.\"}\n");
    }
    IngestResult r = new InputReader(small).read(List.of(f));
    assertEquals(List.of("a", "c"), r.documents().stream().map(Document::id).toList());
    Skipped s = r.skipped().get(0);
    assertTrue(s.path().endsWith("feed.jsonl:2"), s.path());
    assertTrue(s.reason().contains("250,") && s.reason().contains("maxFileBytes"), s.reason());
  }

  @Test
  void aJsonArrayIsReadItemByItemAndABrokenItemKeepsTheOnesBefore() throws IOException {
    Path f = dir.resolve("items.json");
    Files.writeString(f, "[{\"id\": \"a\", \"text\": \"One.\"}, {\"id\": \"b\", \"text\": \"Two.\"}, {\"id\": \"c\", "
        + "\"text\": \"Thr", StandardCharsets.UTF_8);
    IngestResult r = new InputReader(ParallaxConfig.defaults()).read(List.of(f));
    assertEquals(List.of("a", "b"), r.documents().stream().map(Document::id).toList());
    assertEquals(1, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().get(0).reason().contains("item 3 (the 2 items before it were read)"),
        r.skipped().get(0).reason());
  }

  private static ParallaxConfig withMaxFileBytes(long n) {
    ParallaxConfig d = ParallaxConfig.defaults();
    return new ParallaxConfig(n, d.maxJsonlFileBytes(), d.claimSimilarity(), d.claimAgreement(), d.topicSimilarity(),
        d.reuseSentenceSimilarity(), d.consensusShare(), d.maxClaimsPerArticle(), d.summarySentences(),
        d.numberTolerance(), d.negationSimilarity(), d.embedMinSharedWords(), d.maxArticleChars(), d.maxSentences(),
        d.maxSentenceChars(), d.maxQuotesPerArticle(), d.maxHtmlDepth(), d.maxHtmlNodes(), d.maxSentencePairs(),
        d.articleTimeoutMillis(), d.loadedLanguage());
  }
}
