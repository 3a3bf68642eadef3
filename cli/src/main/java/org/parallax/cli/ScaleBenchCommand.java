package org.parallax.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.Document;
import org.parallax.ingest.InputReader;
import org.parallax.nlp.NlpModels;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax bench scale}: corpus-mode ingest far beyond the size of the real corpus, to show whether the cost
 * per article stays flat as the store grows and the heap stays bounded. The corpus is replayed as many times as
 * needed; replica {@code r} has its dates moved {@code r} decades later (so each replica brings new days, as a
 * growing archive does), its ids and URLs marked, and about one word in thirty dropped (so it is not an exact
 * duplicate of the original). Undated articles stay undated: the unbounded case.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Corpus ingest at 10k-1M articles from a replayed, perturbed corpus: rate per interval and heap.")
public final class ScaleBenchCommand implements Callable<Integer> {
  private static final long SHIFT_DAYS = 3653; // one decade: replicas never share a date window

  @Option(names = "--data", defaultValue = "../shared/data/allsides-articles.jsonl.gz",
      description = "JSONL(.gz) corpus to replay (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--fast", description = "The fast (TF-IDF only) story grouping, as `ingest --fast`.")
  boolean fast;

  @Option(names = "--articles", defaultValue = "100000", description = "Articles in all (default: ${DEFAULT-VALUE})")
  long articles;

  @Option(names = "--every", defaultValue = "10000", description = "Report interval (default: ${DEFAULT-VALUE})")
  long every;

  @Option(names = "--store", required = true, description = "Store folder; must be new or empty.")
  Path store;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(data)) {
      spec.commandLine().getErr().println("bench scale: " + data + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    if (Files.isDirectory(store) && Files.list(store).findAny().isPresent()) {
      spec.commandLine().getErr().println("bench scale: " + store + " is not empty");
      return ExitCodes.USAGE;
    }
    out.printf(Locale.ROOT, "%10s %10s %12s %10s %10s %9s%n", "articles", "interval_s", "interval_a/s",
        "heap_MB", "stories", "store_MB");
    long start = System.nanoTime();
    long[] mark = {start, 0};
    try (CorpusStore s = CorpusStore.open(store)) {
      CorpusIngester.Settings def = CorpusIngester.Settings.defaults();
      CorpusIngester ingester = new CorpusIngester(s, NlpModels.load(), new CorpusIngester.Settings(def.stories(),
          def.copies(), def.batch(), def.vectorTerms(), def.dfSlots()), // commits as `ingest` does by default
          fast ? CorpusIngester.Grouping.FAST : CorpusIngester.Grouping.DEFAULT,
          fast ? null : org.parallax.stories.LeadEncoder.forDefaultGrouping(), skipped -> { });
      InputReader reader = new InputReader(ParallaxConfig.defaults());
      long[] fed = {0};
      for (int replica = 0; fed[0] < articles; replica++) {
        int r = replica;
        reader.stream(List.of(data), d -> {
          if (fed[0] >= articles) {
            return;
          }
          ingester.accept(r == 0 ? d : perturb(d, r));
          fed[0]++;
          if (fed[0] % every == 0) {
            ingester.commit(); // the interval's work is durable before it is timed
            long now = System.nanoTime();
            double secs = (now - mark[0]) / 1e9;
            out.printf(Locale.ROOT, "%10d %10.1f %12.0f %10.0f %10d %9.0f%n", fed[0], secs,
                (fed[0] - mark[1]) / secs, heapAfterGcMb(), ingester.counts().storiesOpened(), sizeMb(store));
            out.flush();
            mark[0] = System.nanoTime(); // the GC and size probes above are not counted
            mark[1] = fed[0];
          }
        }, skipped -> { });
      }
      ingester.close();
      double secs = (System.nanoTime() - start) / 1e9;
      CorpusIngester.Counts c = ingester.counts();
      out.printf(Locale.ROOT, "total: %d articles in %.0f s (%.0f articles/s overall), %d added, %d copies, "
          + "%d stories, %d headlines and leads embedded (%s grouping)%n", c.read(), secs, c.read() / secs, c.added(),
          c.copies(), c.storiesOpened(), ingester.embedded(), fast ? "fast" : "default");
    }
    return ExitCodes.OK;
  }

  /** Replica {@code r} of a document: moved {@code r} decades, marked, about one word in thirty dropped. */
  static Document perturb(Document d, int r) {
    String date = d.date();
    if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      date = LocalDate.parse(date.substring(0, 10)).plusDays(SHIFT_DAYS * r).toString();
    }
    String url = d.url() == null ? null : d.url() + (d.url().contains("?") ? "&" : "?") + "replica=" + r;
    String[] words = d.content().split(" ");
    StringBuilder text = new StringBuilder(d.content().length());
    for (int i = 0; i < words.length; i++) {
      int h = (i * 0x9E3779B9 + r * 0x85EBCA6B) >>> 27; // 0..31, fixed per position and replica
      if (h != 0 || i == 0) {
        text.append(i == 0 ? "" : " ").append(words[i]);
      }
    }
    return new Document(d.id() + "~" + r, d.path(), d.format(), text.toString(), d.title(), d.outlet(), url, date,
        d.notes());
  }

  /** Old-generation heap in use after a full collection: what the run keeps, not what it churns. */
  private static double heapAfterGcMb() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used / 1048576.0;
  }

  private static double sizeMb(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1048576.0;
    } catch (Exception e) {
      return -1;
    }
  }
}
