package org.parallax.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that produces a cross-source report. */
final class ReportOptions {
  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here ('-' for stdout).")
  Path json;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.")
  Path html;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON file overriding configuration defaults.")
  Path config;

  @Option(names = "--stacktrace", description = "Print stack traces of internal errors.")
  boolean stacktrace;
}
