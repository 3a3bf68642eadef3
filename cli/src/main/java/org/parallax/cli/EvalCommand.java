package org.parallax.cli;

import picocli.CommandLine.Command;

/** {@code parallax eval}: measurements on the shared research datasets (placeholder for subcommands). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate on ../shared/data datasets.")
public final class EvalCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("eval: choose a subcommand");
  }
}
