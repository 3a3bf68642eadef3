package org.parallax.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.pipeline.AnalysisProgress;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import org.parallax.report.HtmlReport;
import org.parallax.report.JsonReport;
import org.parallax.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallax analyze PATH... [--json FILE] [--html FILE]}: the cross-source report of a set of articles. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse articles about one event: clean text, quotes, claims, conflicts, reuse, framing, summary.")
public final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files (.txt .html .htm .json .jsonl) or folders.")
  List<Path> paths;

  @Mixin
  ReportOptions report;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ParallaxConfig cfg = loadConfig(report.config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    Report result;
    try (Progress progress = new Progress(spec.commandLine().getErr());
         Parallax parallax = Parallax.create(cfg)) {
      result = parallax.analyze(paths, new StageTimes(), progress);
    }
    return writeReport(result, report.json, report.html, spec);
  }

  /**
   * Prints the latest progress to stderr every 2 s, starting 2 s in (a quick run prints nothing): inputs read and
   * the share of input bytes while reading, then articles analysed, their rate and an ETA. The pipeline reports;
   * this prints from a timer, so a slow article does not silence it.
   */
  static final class Progress implements AnalysisProgress.Listener, AutoCloseable {
    private static final long PERIOD_MS = 2000;
    private final PrintWriter err;
    private final AtomicReference<AnalysisProgress> latest = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "parallax-progress");
      t.setDaemon(true);
      return t;
    });
    private volatile long analysisStart = -1;
    private volatile long arrivedAt;

    Progress(PrintWriter err) {
      this.err = err;
      timer.scheduleAtFixedRate(this::print, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void progress(AnalysisProgress p) {
      if (!p.reading() && analysisStart < 0) {
        analysisStart = p.elapsedNanos();
      }
      arrivedAt = System.nanoTime();
      latest.set(p);
    }

    /** The latest state, its clock moved to now: a slow article must not freeze the line. */
    private synchronized void print() {
      AnalysisProgress p = latest.get();
      if (p == null) {
        return;
      }
      long now = p.elapsedNanos() + System.nanoTime() - arrivedAt;
      err.println(line(new AnalysisProgress(p.inputsRead(), p.bytesRead(), p.totalBytes(), p.reading(), p.articles(),
          p.analysed(), now), analysisStart));
      err.flush();
    }

    /** One progress line. */
    static String line(AnalysisProgress p, long analysisStart) {
      double secs = p.elapsedNanos() / 1e9;
      if (p.reading()) {
        String share = "";
        if (p.totalBytes() > 0 && p.bytesRead() > 0 && p.bytesRead() < p.totalBytes()) {
          long left = Math.round(secs * (p.totalBytes() - p.bytesRead()) / p.bytesRead());
          share = String.format(Locale.ROOT, ", %d%% of input, reading ETA %d:%02d",
              100 * p.bytesRead() / p.totalBytes(), left / 60, left % 60);
        }
        return String.format(Locale.ROOT, "analyze: %,d inputs read in %.0f s%s", p.inputsRead(), secs, share);
      }
      double analysing = (p.elapsedNanos() - Math.max(0, analysisStart)) / 1e9;
      String eta = "";
      if (p.analysed() > 0 && p.analysed() < p.articles() && analysing > 0) {
        long left = Math.round(analysing * (p.articles() - p.analysed()) / p.analysed());
        eta = String.format(Locale.ROOT, ", %.1f articles/s, ETA %d:%02d", p.analysed() / analysing, left / 60,
            left % 60);
      }
      return String.format(Locale.ROOT, "analyze: %,d inputs read; %,d of %,d articles analysed in %.0f s%s",
          p.inputsRead(), p.analysed(), p.articles(), secs, eta);
    }

    @Override
    public void close() {
      timer.shutdownNow();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS); // a line being printed ends before the report starts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes the report where asked (terminal summary when nowhere) and returns the exit code it deserves. */
  static int writeReport(Report report, Path json, Path html, CommandSpec spec) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    for (Skipped s : report.skipped()) {
      err.println("skipped: " + s.path() + ": " + s.reason());
    }
    err.flush();
    if (json != null) {
      if (json.toString().equals("-")) {
        OutputStream out = System.out;
        JsonReport.write(report, new NonClosing(out));
        System.out.println();
      } else {
        try (OutputStream out = Files.newOutputStream(json)) {
          JsonReport.write(report, out);
        }
        err.println("JSON report: " + json);
      }
    }
    if (html != null) {
      Files.writeString(html, new HtmlReport().render(report), StandardCharsets.UTF_8);
      err.println("HTML report: " + html);
    }
    if (json == null && html == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(new TextReport().render(report));
      out.flush();
    }
    err.flush();
    if (report.articles().isEmpty()) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
  }

  /** The configuration from {@code file} (defaults when null), or null after telling the user what is wrong. */
  public static ParallaxConfig loadConfig(Path file, CommandSpec spec) {
    try {
      return file == null ? ParallaxConfig.defaults() : ParallaxConfig.load(file);
    } catch (IOException e) {
      spec.commandLine().getErr().println("parallax: bad configuration file " + file + ": "
          + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
  }

  /** Keeps System.out open after Jackson closes its stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
