package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.nlp.NlpModels;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parallax ingest PATH... [--store DIR]}: adds articles to the persistent store — cleaned, exact duplicates
 * skipped, copies recorded with their direction, each article placed in a story. Commits every batch, so an
 * interrupted run keeps all committed batches and a rerun continues where it stopped.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Add articles (.txt .html .json .jsonl .jsonl.gz, files or folders) to the corpus store.")
public final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--batch", defaultValue = "5000", description = "Articles per commit (default: ${DEFAULT-VALUE})")
  int batch;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    InputReader reader = new InputReader(ParallaxConfig.defaults());
    long totalBytes = InputReader.totalBytes(paths);
    CorpusIngester.Settings d = CorpusIngester.Settings.defaults();
    CorpusIngester.Settings settings = new CorpusIngester.Settings(d.stories(), d.copies(), batch, d.vectorTerms(),
        d.dfSlots());
    CorpusIngester.Counts c;
    try (CorpusStore s = CorpusStore.open(store)) {
      long[] lastReport = {start};
      CorpusIngester ingester = new CorpusIngester(s, NlpModels.load(), settings,
          skipped -> err.println("skipped: " + skipped.path() + ": " + skipped.reason()));
      reader.stream(paths, doc -> {
        ingester.accept(doc);
        long now = System.nanoTime();
        if (now - lastReport[0] > 2_000_000_000L) {
          lastReport[0] = now;
          progress(err, ingester.counts(), now - start, reader.bytesRead(), totalBytes);
        }
      }, ingester::skip);
      ingester.close();
      c = ingester.counts();
      double secs = (System.nanoTime() - start) / 1e9;
      err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %d skipped, %d copies found, %d new "
              + "stories in %.1f s (%.0f articles/s); store %s holds %d articles%n", c.read(), c.added(),
          c.duplicates(), c.skipped(), c.copies(), c.storiesOpened(), secs, c.read() / secs, store, s.size());
    }
    err.flush();
    if (c.read() == 0) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    return c.skipped() == 0 ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
  }

  /** One progress line: counts, rate, and an ETA from the share of input bytes consumed. */
  static void progress(PrintWriter err, CorpusIngester.Counts c, long nanos, long bytes, long totalBytes) {
    double secs = nanos / 1e9;
    String eta = "";
    if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
      long left = Math.round(secs * (totalBytes - bytes) / bytes);
      eta = String.format(Locale.ROOT, ", %d%% of input, ETA %d:%02d", 100 * bytes / totalBytes, left / 60,
          left % 60);
    }
    err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %.0f articles/s%s%n", c.read(),
        c.added(), c.duplicates(), c.read() / secs, eta);
    err.flush();
  }
}
