package org.parallax.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.parallax.model.ArticleReport;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.pipeline.Parallax;

/**
 * Runs a pipeline over generated hostile inputs, a folder of about {@code perBatch} inputs per {@code analyze}
 * call (one call per input would measure the cross-article stages' fixed cost; one call for all would compare
 * thousands of unrelated articles), and checks three things per call: it ends within its bound (the per-article
 * budget times its articles over the pool's threads, plus a minute), it throws nothing, and every input it was
 * given is in the report, as an article or in {@code skipped}.
 */
public final class BadInputRun {
  /** What a run found. {@code problems} names each hang, escaped exception and unaccounted input. */
  public record Result(long seed, int inputs, int batches, int articles, int skipped, int abandoned, int hangs,
                       int escaped, int unaccounted, double slowestBatchSeconds, double seconds,
                       List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    /** One line for a log or a benchmark table. */
    public String summary() {
      return String.format(Locale.ROOT, "%,d hostile inputs (seed %d) in %,d runs, %.0f s: %,d articles analysed, "
              + "%,d skipped entries (%,d abandoned at the time budget); %d hangs, %d escaped exceptions, "
              + "%d inputs unaccounted; slowest run %.1f s", inputs, seed, batches, seconds, articles, skipped,
          abandoned, hangs, escaped, unaccounted, slowestBatchSeconds);
    }
  }

  private final Parallax parallax;
  private final int threads;

  public BadInputRun(Parallax parallax, int threads) {
    this.parallax = parallax;
    this.threads = Math.max(1, threads);
  }

  /**
   * Generates {@code count} inputs (at least) under {@code dir} from {@code seed}, up to {@code maxBytes} each,
   * and runs them; {@code progress} hears each run's summary so far.
   */
  public Result run(Path dir, long seed, int count, int maxBytes, int perBatch, Consumer<Result> progress)
      throws IOException, InterruptedException {
    HostileInputs gen = new HostileInputs(seed, maxBytes);
    long start = System.nanoTime();
    int inputs = 0;
    int batches = 0;
    int articles = 0;
    int skipped = 0;
    int abandoned = 0;
    int hangs = 0;
    int escaped = 0;
    int unaccounted = 0;
    double slowest = 0;
    List<String> problems = new ArrayList<>();
    ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "parallax-badinput");
      t.setDaemon(true); // a hung call must not keep the JVM alive
      return t;
    });
    try {
      while (inputs < count) {
        Path batch = Files.createDirectories(dir.resolve(String.format("batch-%05d", batches++)));
        List<Path> expected = new ArrayList<>();
        while (expected.size() < perBatch && inputs + expected.size() < count) {
          expected.addAll(gen.next(batch).inputs());
        }
        inputs += expected.size();
        long bound = TimeUnit.MILLISECONDS.toNanos(parallax.config().articleTimeoutMillis())
            * (expected.size() / threads + 1) + TimeUnit.SECONDS.toNanos(60);
        long t0 = System.nanoTime();
        Future<Report> call = caller.submit(() -> parallax.analyze(List.of(batch)));
        Report r = null;
        try {
          r = call.get(bound, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          hangs++;
          problems.add("hang: " + batch + " ran past " + bound / 1_000_000_000L + " s");
          call.cancel(true);
          // the caller thread may still be stuck: later batches get a fresh one
          caller.shutdownNow();
          caller = Executors.newSingleThreadExecutor(run -> {
            Thread t = new Thread(run, "parallax-badinput");
            t.setDaemon(true);
            return t;
          });
        } catch (ExecutionException e) {
          escaped++;
          problems.add("escaped exception: " + batch + ": " + e.getCause());
        }
        slowest = Math.max(slowest, (System.nanoTime() - t0) / 1e9);
        if (r != null) {
          articles += r.articles().size();
          skipped += r.skipped().size();
          abandoned += (int) r.skipped().stream().filter(s -> s.reason().contains("articleTimeoutMillis")).count();
          for (Path p : unaccounted(r, expected)) {
            unaccounted++;
            problems.add("unaccounted: " + p);
          }
        }
        progress.accept(new Result(seed, inputs, batches, articles, skipped, abandoned, hangs, escaped, unaccounted,
            slowest, (System.nanoTime() - start) / 1e9, problems));
      }
    } finally {
      caller.shutdownNow();
    }
    return new Result(seed, inputs, batches, articles, skipped, abandoned, hangs, escaped, unaccounted, slowest,
        (System.nanoTime() - start) / 1e9, problems);
  }

  /** The inputs named nowhere in the report: neither an article's path nor a skipped entry's (or their file's). */
  static List<Path> unaccounted(Report r, List<Path> expected) {
    Set<String> named = new HashSet<>();
    for (ArticleReport a : r.articles()) {
      named.add(fileOf(a.path()));
    }
    for (Skipped s : r.skipped()) {
      named.add(fileOf(s.path()));
    }
    List<Path> out = new ArrayList<>();
    for (Path p : expected) {
      if (!named.contains(p.toString())) {
        out.add(p);
      }
    }
    return out;
  }

  /** "feed.jsonl:7" names a record of feed.jsonl. */
  private static String fileOf(String path) {
    if (path == null) {
      return "";
    }
    int colon = path.lastIndexOf(':');
    return colon > 0 && path.substring(colon + 1).matches("\\d+") ? path.substring(0, colon) : path;
  }
}
