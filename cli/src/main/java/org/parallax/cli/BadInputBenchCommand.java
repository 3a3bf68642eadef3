package org.parallax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.hostile.BadInputRun;
import org.parallax.pipeline.Parallax;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax bench badinput}: the long run of the bad-input tier. Generates hostile inputs in a temporary
 * folder, analyses them a folder at a time, and counts hangs, escaped exceptions and inputs missing from the
 * report; exit code 1 when any is found. The seed is printed, so a failure can be replayed.
 */
@Command(name = "badinput", mixinStandardHelpOptions = true,
    description = "Hostile inputs through analyze: hangs, escaped exceptions and unaccounted inputs (all must be 0).")
public final class BadInputBenchCommand implements Callable<Integer> {
  @Option(names = "--count", defaultValue = "10000", description = "Inputs in all (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", description = "Seed of the generator (default: a random one, printed)")
  Long seed;

  @Option(names = "--max-bytes", defaultValue = "2000000",
      description = "Largest generated input; most are far smaller (default: ${DEFAULT-VALUE})")
  int maxBytes;

  @Option(names = "--per-run", defaultValue = "50", description = "Inputs per analyze call (default: ${DEFAULT-VALUE})")
  int perRun;

  @Option(names = "--config", description = "Configuration file, as for analyze")
  Path config;

  @Option(names = "--keep", description = "Keep the generated inputs in this folder (default: a temporary folder, "
      + "removed at the end)")
  Path keep;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ParallaxConfig cfg = AnalyzeCommand.loadConfig(config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    long s = seed != null ? seed : new java.security.SecureRandom().nextLong();
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("parallax-badinput");
    int threads = Runtime.getRuntime().availableProcessors();
    BadInputRun.Result r;
    try (Parallax parallax = Parallax.create(cfg)) {
      long[] last = {System.nanoTime()};
      r = new BadInputRun(parallax, threads).run(dir, s, count, maxBytes, perRun, p -> {
        if (System.nanoTime() - last[0] > 10_000_000_000L) {
          last[0] = System.nanoTime();
          err.println("bench badinput: " + p.summary());
          err.flush();
        }
      });
    } finally {
      if (keep == null) {
        deleteTree(dir);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(r.summary());
    r.problems().stream().limit(50).forEach(p -> out.println("  " + p));
    out.flush();
    return r.hangs() + r.escaped() + r.unaccounted() == 0 ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
  }

  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        Files.deleteIfExists(file); // a link that loops cannot be visited, only removed
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
