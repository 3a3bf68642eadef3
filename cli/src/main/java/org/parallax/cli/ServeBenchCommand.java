package org.parallax.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parallax.config.ParallaxConfig;
import org.parallax.pipeline.Parallax;
import org.parallax.server.ExampleCorpus;
import org.parallax.server.ParallaxServer;
import org.parallax.server.ServerOptions;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax bench serve}: a bounded load test of the web interface over loopback. Starts the server in this
 * process (request rate limit off: one client sending 20,000 requests is what a limit is for), then sends
 * {@code --requests} GETs from {@code --concurrency} client threads, in rounds that alternate a static file (the
 * baseline: Jetty and the network stack alone) with the story page (report from the cache, template rendering).
 * Reports throughput and latency percentiles per round and their medians.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Load test of the web interface on loopback: throughput and p50/p99 latency of the story page.")
public final class ServeBenchCommand implements Callable<Integer> {
  @Option(names = "--requests", defaultValue = "20000", description = "Requests per round (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(names = "--concurrency", defaultValue = "50", description = "Client threads, each with keep-alive "
      + "connections (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds per page (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--store", description = "Store to serve (default: the bundled examples)")
  Path store;

  @Option(names = "--page", description = "Path to load (default: the largest story's page)")
  String page;

  @Spec
  CommandSpec spec;

  /** One round's figures. */
  record Round(String path, int requests, int errors, double seconds, double p50, double p90, double p99,
               double max, long bytes) {
    double throughput() {
      return requests / seconds;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path temp = null;
    try (Parallax parallax = Parallax.create(ParallaxConfig.defaults())) {
      CorpusStore s;
      if (store == null) {
        temp = Files.createTempDirectory("parallax-bench-serve-");
        s = ExampleCorpus.build(temp, parallax.models(), parallax.embedder(), new ArrayList<>());
      } else {
        s = CorpusStore.openReadOnly(store);
      }
      String target = page;
      if (target == null) {
        target = s.stories(null).stream().max(java.util.Comparator.comparingInt(
            org.parallax.stories.StoryInfo::size)).map(i -> "/stories/" + i.id()).orElse("/");
      }
      ServerOptions options = ServerOptions.defaults().withPort(0).withLimits(10 << 20, 20, 0);
      try (ParallaxServer server = ParallaxServer.start(s, "bench", parallax, options)) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        URI base = server.uri();
        out.printf(Locale.ROOT, "bench serve: %d requests x %d rounds per page, %d concurrent, %s on %d cores%n",
            requests, rounds, concurrency, base, Runtime.getRuntime().availableProcessors());
        long first = System.nanoTime();
        run(http, base.resolve(target), 1);
        out.printf(Locale.ROOT, "first view of %s (report computed, page rendered): %.0f ms%n", target,
            (System.nanoTime() - first) / 1e6);
        for (int w = 0; w < 2; w++) { // warm-up: JIT, connections
          run(http, base.resolve(target), Math.min(5_000, requests));
          run(http, base.resolve("/static/app.css"), Math.min(5_000, requests));
        }
        List<Round> baseline = new ArrayList<>();
        List<Round> story = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          baseline.add(print(out, run(http, base.resolve("/static/app.css"), requests)));
          story.add(print(out, run(http, base.resolve(target), requests)));
        }
        out.println("medians:");
        Round b = median(baseline);
        Round p = median(story);
        print(out, b);
        print(out, p);
        out.printf(Locale.ROOT, "story page / static file: throughput %.2f, p50 %.2f, p99 %.2f; errors %d%n",
            p.throughput() / b.throughput(), p.p50() / b.p50(), p.p99() / b.p99(),
            story.stream().mapToInt(Round::errors).sum());
        out.flush();
        return story.stream().mapToInt(Round::errors).sum() == 0 ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
      }
    } finally {
      if (temp != null) {
        try (var walk = Files.walk(temp)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
      }
    }
  }

  private Round run(HttpClient http, URI uri, int n) throws InterruptedException {
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    CountDownLatch done = new CountDownLatch(concurrency);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    long start = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      Thread worker = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() != 200) {
                errors.incrementAndGet();
              }
              bytes.addAndGet(r.body().length);
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies[i] = System.nanoTime() - t0;
          }
        } finally {
          done.countDown();
        }
      }, "bench-client-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    double secs = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    return new Round(uri.getPath(), n, errors.get(), secs, ms(latencies, 0.50), ms(latencies, 0.90),
        ms(latencies, 0.99), latencies[n - 1] / 1e6, bytes.get() / n);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
  }

  private static Round median(List<Round> rounds) {
    List<Round> byRate = new ArrayList<>(rounds);
    byRate.sort(java.util.Comparator.comparingDouble(Round::throughput));
    return byRate.get(byRate.size() / 2);
  }

  private static Round print(PrintWriter out, Round r) {
    out.printf(Locale.ROOT, "  %-40s %6d req %3d errors %7.0f req/s  p50 %6.2f ms  p90 %6.2f  p99 %6.2f  max %7.1f"
            + "  %,d bytes/response%n", clip(r.path()), r.requests(), r.errors(), r.throughput(), r.p50(), r.p90(),
        r.p99(), r.max(), r.bytes());
    out.flush();
    return r;
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }
}
