package org.parallax.cli;

import picocli.CommandLine.Command;

/** {@code parallax bench}: throughput and memory of the pipeline. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the pipeline.")
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("bench: not yet");
  }
}
