package org.parallax.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.parallax.corpus.CorpusIngester;
import org.parallax.corpus.PreparedArticle;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.model.Skipped;
import org.parallax.pipeline.StageTimes;
import org.parallax.pipeline.StoryReports;
import org.parallax.report.JsonReport;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryInfo;
import scala.Tuple2;

/**
 * {@code spark-submit --class org.parallax.spark.SparkCorpusJob parallax-spark.jar --out DIR PATH...}: corpus mode
 * and a report per story, on a cluster. Stages:
 * <ol>
 *   <li><b>read</b> (executors, a task per file) and sort into input order;</li>
 *   <li><b>prepare</b> (executors): clean, language, features — {@code ingest}'s per-article work;</li>
 *   <li><b>decide</b> (driver, streaming the prepared articles in input order): duplicates, copies with direction,
 *       stories, by {@code ingest}'s own {@link CorpusIngester} into a store on the driver's disk. This pass is
 *       sequential by nature (each decision depends on every earlier one) and is what makes the answer identical to
 *       the single-machine mode; it does no NLP;</li>
 *   <li><b>report</b> (executors, grouped by story): the full cross-source analysis of every story with at least
 *       {@code --min-articles} articles.</li>
 * </ol>
 * Outputs under {@code --out}, each as Parquet and as JSON Lines: {@code articles}, {@code stories},
 * {@code copies}, {@code reports}, and {@code skipped} (each input that was not ingested, with the reason).
 */
public final class SparkCorpusJob {
  /** What to run. {@code store}: the driver-side store (kept for {@code parallax serve}); null: a temporary one. */
  /** {@code fast}: stories by TF-IDF alone, as {@code ingest --fast}; else {@code ingest}'s default grouping. */
  public record Options(List<String> inputs, String out, Path store, int minArticles, int partitions, boolean fast) {
    public Options(List<String> inputs, String out, Path store, int minArticles, int partitions) {
      this(inputs, out, store, minArticles, partitions, false);
    }
  }

  /** Counts and stage times of a run. */
  public record Result(long read, long added, long duplicates, long skipped, long copies, long stories,
                       long reports, Map<String, Double> seconds) {}

  /** An input after the prepare stage, in input order: its prepared article, or why it could not be read. */
  record Prepared(PreparedArticle article, Skipped unread) implements java.io.Serializable {}

  private SparkCorpusJob() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    if (o == null) {
      System.err.println("usage: SparkCorpusJob --out DIR [--store LOCAL_DIR] [--min-articles 2] [--partitions N] "
          + "[--fast] PATH...");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("parallax").getOrCreate();
    try {
      Result r;
      try {
        r = run(spark, o);
      } catch (IllegalArgumentException e) {
        System.err.println("parallax: " + e.getMessage());
        spark.stop();
        System.exit(2);
        return;
      }
      System.err.printf(Locale.ROOT, "parallax: %d read, %d added, %d already stored, %d skipped, %d copies, %d "
          + "stories, %d reports; seconds %s%n", r.read(), r.added(), r.duplicates(), r.skipped(), r.copies(),
          r.stories(), r.reports(), r.seconds());
      if (r.skipped() > 0) {
        System.err.println("parallax: what was skipped and why: " + o.out() + "/skipped-jsonl");
      }
    } finally {
      spark.stop();
    }
  }

  static Options parse(String[] args) {
    List<String> inputs = new ArrayList<>();
    String out = null;
    Path store = null;
    int min = 2;
    int partitions = 0;
    boolean fast = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = ++i < args.length ? args[i] : null;
          case "--store" -> store = ++i < args.length ? Path.of(args[i]) : null;
          case "--min-articles" -> min = ++i < args.length ? Integer.parseInt(args[i]) : 2;
          case "--partitions" -> partitions = ++i < args.length ? Integer.parseInt(args[i]) : 0;
          case "--fast" -> fast = true;
          default -> inputs.add(args[i]);
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out == null || inputs.isEmpty() ? null : new Options(inputs, out, store, min, partitions, fast);
  }

  public static Result run(SparkSession spark, Options o) throws IOException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(o.out());
    FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(out) && fs.listStatus(out).length > 0) {
      throw new IllegalArgumentException("the output " + o.out() + " exists and is not empty: give a new folder");
    }
    long t0 = System.nanoTime();
    List<Inputs.Input> files = Inputs.list(spark.sparkContext().hadoopConfiguration(), o.inputs());
    int partitions = o.partitions() > 0 ? o.partitions()
        : defaultPartitions(spark.sparkContext().defaultParallelism(), files);
    JavaPairRDD<Long, Prepared> prepared = Inputs.read(spark, files)
        .mapToPair(it -> new Tuple2<>(it.key(), it))
        .sortByKey(true, partitions)
        .mapValues(it -> it.doc() == null ? new Prepared(null, it.skipped())
            : new Prepared(Executors.preparer().prepare(it.doc()), null))
        .persist(StorageLevel.MEMORY_AND_DISK());
    prepared.count();
    seconds.put("read+prepare", (System.nanoTime() - t0) / 1e9);

    long t1 = System.nanoTime();
    Path storeDir = o.store() != null ? o.store() : Files.createTempDirectory("parallax-spark-store-");
    org.apache.hadoop.fs.Path placedFile = new org.apache.hadoop.fs.Path(out, "_placed/part-00000.tsv");
    CorpusIngester.Counts counts;
    long storyCount;
    long copyCount;
    ObjectMapper json = JsonReport.mapper().copy().disable(
        com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    try (CorpusStore store = CorpusStore.open(storeDir);
         BufferedWriter placedOut = new BufferedWriter(new OutputStreamWriter(fs.create(placedFile, true),
             StandardCharsets.UTF_8));
         BufferedWriter skippedOut = new BufferedWriter(new OutputStreamWriter(
             fs.create(new org.apache.hadoop.fs.Path(out, "skipped-jsonl/part-00000.json"), true),
             StandardCharsets.UTF_8))) {
      // A crawl can skip millions of pages (not English, not HTML): they go to a file, not to memory.
      // The default grouping embeds ambiguous articles here, on the driver, in input order: as ingest does.
      CorpusIngester ingester = new CorpusIngester(store, Executors.models(), CorpusIngester.Settings.defaults(),
          o.fast() ? CorpusIngester.Grouping.FAST : CorpusIngester.Grouping.DEFAULT,
          o.fast() ? null : Executors.embedder(), s -> {
            try {
              skippedOut.write(json.writeValueAsString(s));
              skippedOut.write('\n');
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      Deque<Tuple2<Document, Long>> pending = new ArrayDeque<>();
      ingester.onPlaced(p -> {
        // Placements arrive in input order; inputs before this one that were not placed were duplicates.
        while (!pending.isEmpty() && pending.peekFirst()._1() != p.doc()) {
          pending.pollFirst();
        }
        Tuple2<Document, Long> mine = pending.pollFirst();
        try {
          placedOut.write(mine._2() + "\t" + p.id() + "\t" + p.story() + "\t"
              + p.boilerplate().stream().mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","))
              + "\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Iterator<Tuple2<Long, Prepared>> it = prepared.toLocalIterator();
      while (it.hasNext()) {
        Tuple2<Long, Prepared> t = it.next();
        if (t._2().unread() != null) {
          ingester.skip(t._2().unread());
          continue;
        }
        PreparedArticle p = t._2().article();
        pending.addLast(new Tuple2<>(p.doc(), t._1()));
        ingester.acceptPrepared(p);
      }
      ingester.close();
      counts = ingester.counts();
      writeStoriesAndCopies(store, fs, out, json);
      storyCount = store.stories(null).size();
      long[] c = {0};
      store.forEachCopy(x -> c[0]++);
      copyCount = c[0];
    }
    // Explicit schemas: inference would fail on an empty file (a corpus without copies or skips).
    Map<String, String> schemas = Map.of(
        "stories", "id STRING, label STRING, `from` STRING, `to` STRING, outlets ARRAY<STRING>, articles ARRAY<STRING>",
        "copies", "source STRING, copy STRING, kind STRING, similarity DOUBLE, aligned DOUBLE, basis STRING",
        "skipped", "path STRING, reason STRING");
    for (String what : List.of("stories", "copies")) {
      spark.read().schema(schemas.get(what)).json(o.out() + "/" + what + "-jsonl").write().mode(SaveMode.Overwrite)
          .parquet(o.out() + "/" + what);
    }
    seconds.put("decide (driver)", (System.nanoTime() - t1) / 1e9);

    long t2 = System.nanoTime();
    JavaPairRDD<Long, Tuple2<String, String>> placed = spark.read().option("sep", "\t")
        .schema("key LONG, id STRING, story STRING, boilerplate STRING").csv(placedFile.toString()).javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getLong(0), new Tuple2<>(r.getString(1), r.getString(2) + "\t"
            + (r.isNullAt(3) ? "" : r.getString(3)))));
    // Each stored article as the store gives it back, with its story: what `parallax story` analyses.
    // the story and the paragraphs the driver removed as boilerplate travel together: "story<TAB>i,j"
    JavaRDD<Tuple2<String, Tuple2<Long, Article>>> byStory = prepared.join(placed).map(t -> new Tuple2<>(
        storyOf(t._2()._2()._2()), new Tuple2<>(t._1(), CorpusStore.asStored(
            org.parallax.clean.Boilerplate.withoutParagraphs(t._2()._1().article().article(),
                paragraphs(t._2()._2()._2())), t._2()._2()._1()))));
    writeArticles(spark, byStory, o.out());
    int min = o.minArticles();
    // A story whose analysis fails is recorded in the skipped output (story id, error) and the job goes on.
    JavaRDD<Tuple2<String, String>> outcomes = JavaPairRDD.fromJavaRDD(byStory.map(t -> new Tuple2<>(t._1(), t._2())))
        .groupByKey(partitions)
        .filter(g -> sizeOf(g._2()) >= min)
        .map(g -> {
          List<Tuple2<Long, Article>> members = new ArrayList<>();
          g._2().forEach(members::add);
          members.sort(java.util.Comparator.comparingLong(Tuple2::_1));
          List<Article> articles = members.stream().map(Tuple2::_2).toList();
          var outcome = StoryReports.of(g._1(), articles, Executors.storyAnalysis);
          return outcome.failed() ? new Tuple2<>(g._1(), FAILED + JsonReport.line(outcome.failure()))
              : new Tuple2<String, String>(g._1(), JsonReport.line(outcome.report()));
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Tuple2<String, String>> reports = outcomes.filter(t -> !t._2().startsWith(FAILED));
    List<String> failures = outcomes.filter(t -> t._2().startsWith(FAILED))
        .map(t -> t._2().substring(FAILED.length())).collect();
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        fs.create(new org.apache.hadoop.fs.Path(out, "skipped-jsonl/part-00001.json"), true), StandardCharsets.UTF_8))) {
      for (String f : failures) {
        w.write(f);
        w.write('\n');
      }
    }
    spark.read().schema(schemas.get("skipped")).json(o.out() + "/skipped-jsonl").write().mode(SaveMode.Overwrite)
        .parquet(o.out() + "/skipped");
    // JSON Lines exactly as `parallax export --reports` writes them; Parquet with the report as a JSON string.
    reports.map(t -> "{\"story\":" + JsonReport.line(t._1()) + ",\"report\":" + t._2() + "}")
        .saveAsTextFile(o.out() + "/reports-jsonl");
    spark.createDataset(reports.rdd(), Encoders.tuple(Encoders.STRING(), Encoders.STRING())).toDF("story", "report")
        .write().mode(SaveMode.Overwrite).parquet(o.out() + "/reports");
    long reportCount = reports.count();
    outcomes.unpersist();
    seconds.put("report (executors)", (System.nanoTime() - t2) / 1e9);
    prepared.unpersist();
    if (o.store() == null) {
      deleteTree(storeDir);
    }
    return new Result(counts.read(), counts.added(), counts.duplicates(), counts.skipped(), copyCount, storyCount,
        reportCount, seconds);
  }

  /**
   * Heuristic: four partitions per core, and at least one per 32 MB of input, because the decide pass pulls one
   * partition at a time into the driver: 32 MB of gzipped JSON Lines is about 13,000 articles, a few hundred MB
   * once prepared.
   */
  /** Marks an outcome that is a failed story's skipped record rather than a report (never a JSON report's start). */
  private static final String FAILED = "\u0000failed:";

  static int defaultPartitions(int parallelism, List<Inputs.Input> files) {
    long bytes = files.stream().mapToLong(Inputs.Input::bytes).sum();
    return (int) Math.max(Math.max(1, parallelism * 4L), Math.min(Integer.MAX_VALUE, bytes / (32L << 20) + 1));
  }

  private static int sizeOf(Iterable<?> it) {
    int n = 0;
    for (Object ignored : it) {
      n++;
    }
    return n;
  }

  private static void writeArticles(SparkSession spark, JavaRDD<Tuple2<String, Tuple2<Long, Article>>> byStory,
                                    String out) {
    JavaRDD<Row> rows = byStory.map(t -> {
      Article a = t._2()._2();
      return org.apache.spark.sql.RowFactory.create(t._2()._1(), a.id(), t._1(), a.outlet(), a.title(), a.date(),
          a.url(), a.language(), a.byline(), a.body());
    });
    Dataset<Row> df = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
        .add("seq", "long").add("id", "string").add("story", "string").add("outlet", "string")
        .add("title", "string").add("date", "string").add("url", "string").add("language", "string")
        .add("byline", "string").add("body", "string")).orderBy("seq");
    df.write().mode(SaveMode.Overwrite).parquet(out + "/articles");
    df.write().mode(SaveMode.Overwrite).json(out + "/articles-jsonl");
  }

  /** Stories and copies from the driver's store, written as JSON Lines by the driver, then as Parquet by Spark. */
  private static void writeStoriesAndCopies(CorpusStore store, FileSystem fs, org.apache.hadoop.fs.Path out,
                                            ObjectMapper json) throws IOException {
    Map<String, List<String>> members = store.storyMembers();
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        fs.create(new org.apache.hadoop.fs.Path(out, "stories-jsonl/part-00000.json"), true), StandardCharsets.UTF_8))) {
      for (StoryInfo i : store.stories(null)) {
        w.write(json.writeValueAsString(JsonReport.storyRow(i, members.getOrDefault(i.id(), List.of()))));
        w.write('\n');
      }
    }
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        fs.create(new org.apache.hadoop.fs.Path(out, "copies-jsonl/part-00000.json"), true), StandardCharsets.UTF_8))) {
      store.forEachCopy(c -> {
        try {
          w.write(json.writeValueAsString(c));
          w.write('\n');
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  private static String storyOf(String storyAndParagraphs) {
    return storyAndParagraphs.substring(0, storyAndParagraphs.indexOf('\t'));
  }

  private static java.util.BitSet paragraphs(String storyAndParagraphs) {
    java.util.BitSet out = new java.util.BitSet();
    String list = storyAndParagraphs.substring(storyAndParagraphs.indexOf('\t') + 1);
    for (String p : list.isEmpty() ? new String[0] : list.split(",")) {
      out.set(Integer.parseInt(p));
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
