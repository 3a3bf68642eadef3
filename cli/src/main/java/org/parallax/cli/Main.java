package org.parallax.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parallax} — entry point. Exit codes are documented in README.md and {@link ExitCodes}. */
@Command(name = "parallax", mixinStandardHelpOptions = true, version = "parallax 0.1.0",
    description = "Cross-source analysis of news articles about the same event.",
    subcommands = {AnalyzeCommand.class, IngestCommand.class, StoriesCommand.class, StoryCommand.class, OutletsCommand.class,
        SearchCommand.class, ExportCommand.class, ServeCommand.class,
        EvalCommand.class, TrainCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
      boolean trace = parse.originalArgs().contains("--stacktrace");
      cmd.getErr().println("parallax: " + ex.getMessage());
      if (trace) {
        ex.printStackTrace(cmd.getErr());
      } else {
        cmd.getErr().println("(run with --stacktrace for details)");
      }
      return ExitCodes.INTERNAL;
    });
    cl.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE);
    return cl;
  }
}
