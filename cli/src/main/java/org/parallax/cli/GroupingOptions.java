package org.parallax.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parallax.stories.StoryClusterer;
import picocli.CommandLine.Option;

/**
 * The default grouping's measuring options, shared by {@code ingest} and {@code eval stories} (a picocli mixin):
 * the band in which articles are embedded, the headline gate, and a trace of the decisions the embeddings took
 * part in.
 */
public final class GroupingOptions {
  @Option(names = "--band", split = ",", description = "Default grouping: the band of TF-IDF scores in which an "
      + "article is embedded, LOW,HIGH (default: the configured one).")
  List<Double> band;

  @Option(names = "--gate", split = ",", hidden = true, description = "Default grouping: the headline gate, "
      + "NEW,JOIN (for measuring; default: the configured one; 0,inf turns it off).")
  List<Double> gate;

  @Option(names = "--lead-threshold", hidden = true, description = "Default grouping with the distilled encoder: "
      + "the blend threshold (for measuring; default: the configured one).")
  Double leadThreshold;

  @Option(names = "--trace-decisions", hidden = true, paramLabel = "FILE", description = "Default grouping: write "
      + "every decision the embeddings took part in to FILE, tab-separated (for measuring the gate).")
  Path traceDecisions;

  /** {@code p} with the band and gate given on the command line, if any. */
  public StoryClusterer.Params apply(StoryClusterer.Params p) {
    StoryClusterer.Params out = p;
    if (band != null && band.size() == 2) {
      out = out.withBand(band.get(0), band.get(1));
    }
    if (gate != null && gate.size() == 2) {
      out = out.withGate(gate.get(0), gate.get(1));
    }
    if (leadThreshold != null) {
      out = out.withLeadThreshold(leadThreshold);
    }
    return out;
  }

  /** The decision trace asked for, or null. */
  public DecisionTrace trace() throws IOException {
    return traceDecisions == null ? null : new DecisionTrace(traceDecisions);
  }

  /** The trace file asked for, or null (for messages). */
  public Path traceFile() {
    return traceDecisions;
  }
}
