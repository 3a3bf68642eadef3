package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parallax.stories.StoryClusterer;
import picocli.CommandLine;

class GroupingOptionsTest {
  private static StoryClusterer.Params parsed(String... args) {
    IngestCommand ingest = new IngestCommand();
    new CommandLine(ingest).parseArgs(args);
    return ingest.grouping.apply(StoryClusterer.Params.defaults());
  }

  @Test
  void withoutMeasuringOptionsTheConfiguredGroupingIsKept() {
    assertEquals(StoryClusterer.Params.defaults(), parsed("in.jsonl"));
  }

  @Test
  void theLeadThresholdAndBandReplaceOnlyTheirOwnParameters() {
    StoryClusterer.Params d = StoryClusterer.Params.defaults();
    StoryClusterer.Params p = parsed("--lead-threshold", "0.52", "--band", "0.1,0.7", "in.jsonl");
    assertEquals(d.withLeadThreshold(0.52).withBand(0.1, 0.7), p);
    assertEquals(d.semanticThreshold(), p.semanticThreshold());
  }
}
