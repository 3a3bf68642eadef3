package org.parallax.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.pipeline.Parallax;
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
    try (Parallax parallax = Parallax.create(cfg)) {
      result = parallax.analyze(paths);
    }
    return writeReport(result, report.json, report.html, spec);
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
  static ParallaxConfig loadConfig(Path file, CommandSpec spec) {
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
