package org.parallax.cli;

import org.parallax.cli.train.TrainLoadedCommand;
import picocli.CommandLine.Command;

/** {@code parallax train ...}: trains the small models Parallax ships, from the research data in ../shared/data. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a shipped model on the research datasets (../shared/data) and write it as a resource.",
    subcommands = {TrainLoadedCommand.class})
public final class TrainCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
