package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Report;

class StoryReportsTest {
  @Test
  void aFailingAnalysisBecomesTheStorysSkippedRecord() {
    StoryReports.Outcome bad = StoryReports.of("s42", List.of(), a -> {
      throw new IllegalStateException("boom");
    });
    assertTrue(bad.failed());
    assertNull(bad.report());
    assertTrue(bad.failure().path().equals("story:s42") && bad.failure().reason().contains("boom"), bad.toString());
    Report empty = new Report(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
    StoryReports.Outcome good = StoryReports.of("s43", List.of(), a -> empty);
    assertFalse(good.failed());
    assertTrue(good.report() == empty);
  }
}
