package org.parallax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.parallax.ParallaxException;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;
import org.parallax.pipeline.Parallax;
import org.parallax.server.ExampleCorpus;
import org.parallax.server.ParallaxServer;
import org.parallax.server.ServerOptions;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parallax serve [--store DIR] [--port N]}: the web interface over a corpus store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web interface over a corpus store (the bundled examples when there is none).")
public final class ServeCommand implements Callable<Integer> {
  private static final String DEFAULT_STORE = "parallax-data";

  @Option(names = "--store", description = "Store folder (default: " + DEFAULT_STORE + " when it exists, else the "
      + "bundled examples)")
  Path store;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = ServerOptions.LOOPBACK, description = "Address to bind (default: "
      + "${DEFAULT-VALUE}, this machine only; 0.0.0.0 exposes the store and analyses to the network)")
  String host;

  @Option(names = "--max-upload", defaultValue = "10", paramLabel = "MB", description = "Largest request body, in "
      + "MB; larger get 413 (default: ${DEFAULT-VALUE})")
  int maxUploadMb;

  @Option(names = "--rate-limit", defaultValue = "6000", paramLabel = "N", description = "Requests per minute per "
      + "client; over it 429; 0: no limit (default: ${DEFAULT-VALUE})")
  int rateLimit;

  @Option(names = "--analyses-per-minute", defaultValue = "20", paramLabel = "N", description = "Ad hoc analyses "
      + "per minute per client (default: ${DEFAULT-VALUE})")
  int analysesPerMinute;

  @Option(names = "--config", description = "Analysis configuration (JSON), as for 'analyze'.")
  Path config;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ParallaxConfig cfg = AnalyzeCommand.loadConfig(config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    if (port < 0 || port > 65_535 || maxUploadMb < 1 || rateLimit < 0 || analysesPerMinute < 1) {
      err.println("serve: --port must be 0..65535, --max-upload and --analyses-per-minute at least 1, "
          + "--rate-limit at least 0");
      return ExitCodes.USAGE;
    }
    Path dir = store != null ? store : Path.of(DEFAULT_STORE);
    boolean examples = store == null && !Files.isDirectory(dir);
    if (!examples && !Files.isDirectory(dir)) {
      err.println("serve: no store at " + dir + " (run 'parallax ingest PATH --store " + dir + "' first, or leave "
          + "out --store to see the bundled examples)");
      return ExitCodes.NOTHING_ANALYSED;
    }
    ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port)
        .withLimits((long) maxUploadMb * 1024 * 1024, analysesPerMinute, rateLimit);
    Path temp = examples ? Files.createTempDirectory("parallax-examples-") : null;
    try (Parallax parallax = Parallax.create(cfg)) {
      CorpusStore s;
      String name;
      if (examples) {
        err.println("serve: no store at " + dir + "; showing the bundled examples (ingest your own with "
            + "'parallax ingest PATH', then 'parallax serve')");
        List<Skipped> problems = new ArrayList<>();
        s = ExampleCorpus.build(temp, parallax.models(), parallax.embedder(), problems);
        problems.forEach(p -> err.println("skipped: " + p.path() + ": " + p.reason()));
        name = "bundled examples";
      } else {
        s = CorpusStore.openReadOnly(dir);
        name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
      }
      ParallaxServer server;
      try {
        server = ParallaxServer.start(s, name, parallax, options);
      } catch (RuntimeException e) {
        s.close();
        err.println("serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e)
            + (port != 0 ? " (is another program using the port? try --port)" : ""));
        return ExitCodes.USAGE;
      }
      if (!isLoopback(host)) {
        err.println("serve: WARNING: bound to " + host + ": anyone who can reach this machine can read the store "
            + "and run analyses on it");
      }
      err.println("serve: Parallax at " + server.uri() + " (Ctrl-C stops)");
      err.flush();
      long started = System.nanoTime();
      server.warmed().thenAccept(n -> {
        if (n > 0) {
          err.printf(java.util.Locale.ROOT, "serve: reports of the newest %d stories ready (%.0f s); others are "
              + "computed when first shown%n", n, (System.nanoTime() - started) / 1e9);
          err.flush();
        }
      });
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "parallax-serve-shutdown"));
      stopped.await();
      return ExitCodes.OK;
    } catch (ParallaxException e) {
      err.println("serve: " + e.getMessage());
      return ExitCodes.NOTHING_ANALYSED;
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  private static boolean isLoopback(String h) {
    return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Left for the system's temporary-folder cleanup.
    }
  }
}
