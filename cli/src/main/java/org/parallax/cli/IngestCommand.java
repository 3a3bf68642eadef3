package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.clean.ArticleCleaner;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.Document;
import org.parallax.ingest.InputReader;
import org.parallax.model.Article;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parallax ingest PATH... [--store DIR]}: cleans articles and adds them to the persistent store, skipping
 * what is already there. Commits every batch, so an interrupted run keeps all committed batches and a rerun
 * continues where it stopped (already stored articles are recognised and skipped).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Add articles (.txt .html .json .jsonl .jsonl.gz, files or folders) to the corpus store.")
public final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--batch", defaultValue = "1000", description = "Articles per commit (default: ${DEFAULT-VALUE})")
  int batch;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ArticleCleaner cleaner = new ArticleCleaner();
    long[] counts = new long[4]; // read, added, duplicates, skipped
    long start = System.nanoTime();
    long[] lastReport = {start};
    List<Document> chunk = new ArrayList<>(CHUNK);
    try (CorpusStore s = CorpusStore.open(store)) {
      Runnable flush = () -> {
        // Cleaning is the costly part and independent per article: do a chunk in parallel, then add in order.
        List<Object> cleaned = chunk.parallelStream().map(d -> {
          try {
            return (Object) cleaner.clean(d);
          } catch (RuntimeException e) {
            return (Object) ("cleaning failed: " + e.getMessage());
          }
        }).toList();
        for (int i = 0; i < chunk.size(); i++) {
          Object o = cleaned.get(i);
          if (o instanceof String problem || (o instanceof Article a0 && a0.body().isBlank())) {
            counts[3]++;
            err.println("skipped: " + chunk.get(i).path() + ": "
                + (o instanceof String p ? p : "no article text left after removing boilerplate"));
            continue;
          }
          CorpusStore.Added r = s.add((Article) o);
          counts[r.added() ? 1 : 2]++;
          if ((counts[1] + counts[2]) % batch == 0) {
            s.commit();
          }
        }
        chunk.clear();
        long now = System.nanoTime();
        if (now - lastReport[0] > 2_000_000_000L) {
          lastReport[0] = now;
          err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %.0f articles/s%n", counts[0],
              counts[1], counts[2], counts[0] / ((now - start) / 1e9));
          err.flush();
        }
      };
      new InputReader(ParallaxConfig.defaults()).stream(paths, doc -> {
        counts[0]++;
        chunk.add(doc);
        if (chunk.size() == CHUNK) {
          flush.run();
        }
      }, skipped -> {
        counts[3]++;
        err.println("skipped: " + skipped.path() + ": " + skipped.reason());
      });
      flush.run();
      s.commit();
      double secs = (System.nanoTime() - start) / 1e9;
      err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %d skipped in %.1f s; store %s holds %d"
          + " articles%n", counts[0], counts[1], counts[2], counts[3], secs, store, s.size());
    }
    err.flush();
    if (counts[0] == 0) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    return counts[3] == 0 ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
  }

  private static final int CHUNK = 256;
}
