package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.NlpModels;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Throughput and memory of the whole pipeline on real news (the AllSides corpus). Articles are grouped into
 * five-article "events" by topic, as a user would analyse them, and each group goes through the full analysis
 * (embeddings included). A baseline measured in the same run — OpenNLP sentence, token and POS alone on the same
 * articles — gives a ratio that is less sensitive to the machine's noise than raw rates.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {ScaleBenchCommand.class, ServeBenchCommand.class,
    BadInputBenchCommand.class},
    description = "Benchmark the pipeline: articles/s, per-stage time and peak heap on the AllSides corpus.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/allsides-articles.jsonl.gz",
      description = "AllSides JSONL(.gz) (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--articles", defaultValue = "500", description = "Articles per run (default: ${DEFAULT-VALUE})")
  int articles;

  @Option(names = "--group", defaultValue = "5", description = "Articles per analysed event (default: ${DEFAULT-VALUE})")
  int group;

  @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported.")
  int runs;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON file overriding configuration defaults.")
  Path config;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(data)) {
      spec.commandLine().getErr().println("bench: " + data + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    long t0 = System.nanoTime();
    List<Document> docs = read(data, articles);
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    // Group by topic so each analysed set is about one subject, like a user's folder about one event.
    List<Document> sorted = docs; // read() returns them ordered by topic, then date
    List<List<Document>> groups = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += group) {
      groups.add(sorted.subList(i, Math.min(sorted.size(), i + group)));
    }
    int n = Runtime.getRuntime().availableProcessors();
    int workers = threads == null ? n : threads;
    out.printf(Locale.ROOT, "bench: %d articles in %d groups of %d, %d worker threads, %d cores, max heap %d MB%n",
        docs.size(), groups.size(), group, workers, n, Runtime.getRuntime().maxMemory() >> 20);
    long s0 = System.nanoTime();
    NlpModels models = NlpModels.load();
    ParallaxConfig cfg = AnalyzeCommand.loadConfig(config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    try (Parallax parallax = new Parallax(cfg, models,
        new org.parallax.align.MiniLmEmbedder(), workers)) {
      out.printf(Locale.ROOT, "model loading: %.2f s; reading %d JSON lines: %.2f s%n",
          (System.nanoTime() - s0) / 1e9, docs.size(), readSeconds);
      // Warm-up: JIT and ONNX session.
      for (List<Document> g : groups.subList(0, Math.min(4, groups.size()))) {
        parallax.analyze(new IngestResult(g, List.of()), new StageTimes());
      }
      resetPeaks();
      List<Double> rates = new ArrayList<>();
      List<Double> baselineRates = new ArrayList<>();
      StageTimes medianTimes = null;
      List<StageTimes> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        double base = baseline(models, docs);
        baselineRates.add(base);
        StageTimes times = new StageTimes();
        long start = System.nanoTime();
        for (List<Document> g : groups) {
          parallax.analyze(new IngestResult(g, List.of()), times);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        rates.add(docs.size() / secs);
        all.add(times);
        out.printf(Locale.ROOT, "run %d: pipeline %.1f articles/s, baseline (OpenNLP only, 1 thread) %.1f articles/s%n",
            r + 1, docs.size() / secs, base);
      }
      double median = median(rates);
      medianTimes = all.get(rates.indexOf(nearest(rates, median)));
      double baseMedian = median(baselineRates);
      out.printf(Locale.ROOT, "%nmedian: %.1f articles/s end-to-end (embeddings included); baseline %.1f articles/s; "
          + "ratio %.2f%n", median, baseMedian, median / baseMedian);
      out.printf(Locale.ROOT, "peak heap: %d MB%n", peakHeapBytes() >> 20);
      out.printf(Locale.ROOT, "claims %d, sentences embedded %d (%.0f%%; the rest have no lexical partner in "
          + "another article)%n", medianTimes.count("claims"), medianTimes.count("embedded"),
          100.0 * medianTimes.count("embedded") / Math.max(1, medianTimes.count("claims")));
      out.println("per-stage CPU-thread seconds in the median run (summed over threads):");
      for (Map.Entry<String, Double> e : medianTimes.seconds().entrySet()) {
        out.printf(Locale.ROOT, "  %-10s %7.2f s  %6.2f ms/article%n", e.getKey(), e.getValue(),
            1000 * e.getValue() / docs.size());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Sentence splitting, tokenising and POS tagging alone, one thread: the reference rate of the NLP stack. */
  private static double baseline(NlpModels models, List<Document> docs) {
    Annotator a = new Annotator(models);
    long start = System.nanoTime();
    for (Document d : docs) {
      a.annotate(d.content());
    }
    return docs.size() / ((System.nanoTime() - start) / 1e9);
  }

  static List<Document> read(Path file, int limit) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Document> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    var in = Files.newInputStream(file);
    var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && out.size() < limit) {
        JsonNode n = json.readTree(line);
        String text = n.path("text").asText("");
        if (text.isBlank()) {
          continue;
        }
        // The corpus stores paragraphs on one line; sentences are the same either way.
        out.add(new Document(n.path("id").asText(), file + ":" + out.size(), Document.Format.TEXT, text,
            n.path("title").asText(null), n.path("outlet").asText(null), n.path("url").asText(null),
            n.path("date").asText(null), null));
        keys.add(n.path("topic").asText("") + "|" + n.path("date").asText(""));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(keys::get));
    return order.stream().map(out::get).toList();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
  }

  private static double nearest(List<Double> xs, double v) {
    return xs.stream().min(Comparator.comparingDouble(x -> Math.abs(x - v))).orElseThrow();
  }
}
