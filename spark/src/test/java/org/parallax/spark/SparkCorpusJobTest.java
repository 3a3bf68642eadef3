package org.parallax.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.model.Copy;
import org.parallax.model.Skipped;
import org.parallax.pipeline.StageTimes;
import org.parallax.report.JsonReport;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryInfo;
import org.parallax.testing.TestModels;

/**
 * The Spark job in local[2] against the single-machine mode on the same input: the same stories, the same copies
 * and, for every story of two articles or more, the same report as {@code parallax story ID --json}.
 */
class SparkCorpusJobTest {
  private static SparkSession spark;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("parallax-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** What the single-machine mode gives: `ingest` into a store, then `story --json` for each story. */
  private record Local(Map<String, List<String>> members, List<Copy> copies, Map<String, String> reports,
                       List<Skipped> skipped) {}

  private static Local single(Path input, Path storeDir, int minArticles) {
    List<Skipped> skipped = new ArrayList<>();
    Map<String, String> reports = new TreeMap<>();
    try (CorpusStore store = CorpusStore.open(storeDir)) {
      // ingest's default grouping, which embeds the ambiguous articles: the job must do the same on its driver,
      // with the same encoder (Executors.embedder() is the default grouping's).
      CorpusIngester ingester = new CorpusIngester(store, Executors.models(), CorpusIngester.Settings.defaults(),
          CorpusIngester.Grouping.DEFAULT, Executors.embedder(), skipped::add);
      new InputReader(ParallaxConfig.defaults()).stream(List.of(input), ingester::accept, ingester::skip);
      ingester.close();
      List<Copy> copies = new ArrayList<>();
      store.forEachCopy(copies::add);
      Map<String, List<String>> members = new TreeMap<>(store.storyMembers());
      for (StoryInfo i : store.stories(null)) {
        if (members.getOrDefault(i.id(), List.of()).size() >= minArticles) {
          reports.put(i.id(), JsonReport.reportLine(i.id(), Executors.parallax().analyzeCleaned(
              store.storyArticles(i.id()), new StageTimes())));
        }
      }
      return new Local(members, copies, reports, skipped);
    }
  }

  private static void assertSameAnswer(Path absoluteInput, Path dir, int expectReportsAtLeast) throws IOException {
    // Relative, as users type it: both modes must name the articles' files the same way.
    Path input = Path.of("").toAbsolutePath().relativize(absoluteInput);
    Local local = single(input, dir.resolve("local-store"), 2);
    Path out = dir.resolve("out");
    Path sparkStore = dir.resolve("spark-store");
    SparkCorpusJob.Result r = SparkCorpusJob.run(spark, new SparkCorpusJob.Options(List.of(input.toString()),
        out.toString(), sparkStore, 2, 3));
    assertTrue(local.reports().size() >= expectReportsAtLeast, "the input makes multi-article stories");
    try (CorpusStore s = CorpusStore.openReadOnly(sparkStore)) {
      assertEquals(local.members(), new TreeMap<>(s.storyMembers()), "same stories, same members, same order");
      List<Copy> copies = new ArrayList<>();
      s.forEachCopy(copies::add);
      assertEquals(local.copies(), copies, "same copies, same direction");
    }
    Map<String, String> reports = new TreeMap<>();
    for (String line : rawLines(out.resolve("reports-jsonl"))) {
      reports.put(JSON.readTree(line).get("story").asText(), line);
    }
    assertEquals(local.reports().keySet(), reports.keySet(), "a report for every story of two or more articles");
    for (Map.Entry<String, String> e : local.reports().entrySet()) {
      assertEquals(e.getValue(), reports.get(e.getKey()), "report of " + e.getKey() + ", byte for byte");
    }
    assertEquals(local.reports().size(), r.reports());
    assertEquals(local.skipped().size(), r.skipped());
    assertEquals(local.skipped().stream().map(Skipped::reason).sorted().toList(),
        jsonLines(out.resolve("skipped-jsonl")).stream().map(n -> n.get("reason").asText()).sorted().toList(),
        "every skipped input written out with its reason");
    assertEquals(local.copies().size(), spark.read().parquet(out.resolve("copies").toString()).count());
    long articles = jsonLines(out.resolve("articles-jsonl")).size();
    assertEquals(local.members().values().stream().mapToInt(List::size).sum(), articles);
    assertEquals(local.members().size(), jsonLines(out.resolve("stories-jsonl")).size());
    assertTrue(Files.isDirectory(out.resolve("articles")) && Files.isDirectory(out.resolve("reports"))
        && Files.isDirectory(out.resolve("stories")), "Parquet outputs too");
  }

  private static List<JsonNode> jsonLines(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : rawLines(dir)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> rawLines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            out.add(line);
          }
        }
      }
    }
    return out;
  }

  @Test
  void theExampleCorpusGivesTheSameStoriesCopiesAndReportsAsTheSingleMachineMode(@TempDir Path dir)
      throws IOException {
    Path input = exampleInput(dir);
    // A bad line and an unreadable file: reported the same way, the rest still analysed.
    Files.writeString(input.resolve("zz-broken.jsonl"), "{\"id\": \"cut\", \"text\": \"Dockworkers\n");
    Files.write(input.resolve("zz-scan.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
    assertSameAnswer(input, dir, 1);
  }

  @Test
  void aStoryWhoseAnalysisFailsIsRecordedAsSkippedAndTheJobGoesOn(@TempDir Path dir) throws IOException {
    Path input = exampleInput(dir);
    Files.writeString(input.resolve("zz-library.txt"), "Library reopens after flood repairs\n\nThe central library "
        + "of Marlow reopened on Saturday after six months of repairs to its flooded basement, the town council "
        + "said. Volunteers moved forty thousand books back onto the shelves over the past two weeks.\n");
    Path out = dir.resolve("out");
    var analysis = Executors.storyAnalysis;
    // Every story with a free-market-herald article fails, as a bug that its text triggers would.
    Executors.storyAnalysis = a -> {
      if (a.stream().anyMatch(x -> x.id().equals("free-market-herald"))) {
        throw new IllegalStateException("injected failure");
      }
      return analysis.apply(a);
    };
    SparkCorpusJob.Result r;
    try {
      r = SparkCorpusJob.run(spark, new SparkCorpusJob.Options(List.of(input.toString()), out.toString(),
          dir.resolve("store"), 1, 2));
    } finally {
      Executors.storyAnalysis = analysis;
    }
    List<JsonNode> skipped = jsonLines(out.resolve("skipped-jsonl"));
    assertTrue(skipped.stream().anyMatch(n -> n.get("path").asText().startsWith("story:")
        && n.get("reason").asText().contains("injected failure")), skipped.toString());
    assertEquals(skipped.size(), spark.read().parquet(out.resolve("skipped").toString()).count(), "Parquet too");
    List<JsonNode> reports = jsonLines(out.resolve("reports-jsonl"));
    assertEquals(r.reports(), reports.size());
    assertTrue(reports.size() >= 1, "the other stories are still reported");
    assertTrue(reports.stream().noneMatch(n -> n.get("report").toString().contains("free-market-herald")));
  }

  private static Path exampleInput(Path dir) throws IOException {
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    try (Stream<Path> files = Files.list(TestModels.repoRoot().resolve("examples/port-strike"))) {
      for (Path f : files.toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }
    return input;
  }

  @Test
  void warcInputGivesTheSameAnswer(@TempDir Path dir) throws IOException {
    Path input = exampleInput(dir);
    // The HTML article as a crawler stores it: a gzipped WARC response record.
    Path html = input.resolve("harbour-ledger.html");
    byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + Files.readString(html))
        .getBytes(StandardCharsets.UTF_8);
    try (org.netpreserve.jwarc.WarcWriter w = new org.netpreserve.jwarc.WarcWriter(
        java.nio.channels.FileChannel.open(input.resolve("crawl.warc.gz"), java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE), org.netpreserve.jwarc.WarcCompression.GZIP)) {
      w.write(new org.netpreserve.jwarc.WarcResponse.Builder(java.net.URI.create("https://ledger.example/strike"))
          .date(java.time.Instant.parse("2025-03-10T12:00:00Z"))
          .body(org.netpreserve.jwarc.MediaType.HTTP_RESPONSE, http).build());
    }
    Files.delete(html);
    assertSameAnswer(input, dir, 1);
    try (CorpusStore s = CorpusStore.openReadOnly(dir.resolve("spark-store"))) {
      assertEquals(5, s.size(), "the WARC record is one of the five articles");
    }
  }

  @Test
  void parquetRowsAreReadAsTheSameRecordsInJsonLines(@TempDir Path dir) throws IOException {
    Path jsonInput = exampleInput(dir.resolve("a"));
    Path parquetInput = exampleInput(dir.resolve("b"));
    Files.delete(parquetInput.resolve("wire-feed.jsonl"));
    spark.read().json(jsonInput.resolve("wire-feed.jsonl").toString()).coalesce(1).write()
        .parquet(dir.resolve("tmp-parquet").toString());
    try (Stream<Path> parts = Files.list(dir.resolve("tmp-parquet"))) {
      Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, parquetInput.resolve("wire-feed.parquet"));
    }
    SparkCorpusJob.run(spark, new SparkCorpusJob.Options(List.of(jsonInput.toString()), dir.resolve("out-a")
        .toString(), dir.resolve("store-a"), 2, 2));
    SparkCorpusJob.run(spark, new SparkCorpusJob.Options(List.of(parquetInput.toString()), dir.resolve("out-b")
        .toString(), dir.resolve("store-b"), 2, 2));
    try (CorpusStore a = CorpusStore.openReadOnly(dir.resolve("store-a"));
         CorpusStore b = CorpusStore.openReadOnly(dir.resolve("store-b"))) {
      assertEquals(5, a.size());
      assertEquals(new TreeMap<>(a.storyMembers()), new TreeMap<>(b.storyMembers()));
    }
  }

  @Test
  void anOutputThatExistsIsRefused(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("precious.txt"), "keep me");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SparkCorpusJob.run(spark, new SparkCorpusJob.Options(List.of(exampleInput(dir).toString()),
            out.toString(), null, 2, 2)));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
  }

  @Test
  void aSliceOfAllSidesGivesTheSameAnswer(@TempDir Path dir) throws IOException {
    Path data = TestModels.repoRoot().resolve("../shared/data/allsides-articles.jsonl.gz");
    assumeTrue(Files.exists(data), "../shared/data is not on this machine");
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(data)),
        StandardCharsets.UTF_8));
         OutputStream out = new GZIPOutputStream(Files.newOutputStream(input.resolve("slice.jsonl.gz")))) {
      for (int i = 0; i < 1200; i++) {
        String line = in.readLine();
        if (line == null) {
          break;
        }
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    assertSameAnswer(input, dir, 20);
  }

  @Test
  void optionsNeedAnOutputAndAnInput() {
    assertEquals(null, SparkCorpusJob.parse(new String[] {"in.jsonl"}));
    assertEquals(null, SparkCorpusJob.parse(new String[] {"--out", "o"}));
    assertEquals(null, SparkCorpusJob.parse(new String[] {"--out", "o", "--partitions", "many", "in.jsonl"}));
    SparkCorpusJob.Options o = SparkCorpusJob.parse(new String[] {"--out", "o", "--min-articles", "3", "a", "b"});
    assertEquals(List.of("a", "b"), o.inputs());
    assertEquals(3, o.minArticles());
    assertFalse(o.out().isEmpty());
    assertFalse(o.fast(), "ingest's default grouping unless told");
    assertTrue(SparkCorpusJob.parse(new String[] {"--out", "o", "--fast", "a"}).fast());
  }
}
