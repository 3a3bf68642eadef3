package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Report;
import org.parallax.testing.TestModels;

class PairLimitTest {
  @Test
  void claimsBeyondThePairLimitAreNotComparedAndTheReportSaysSo(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("c.json");
    Files.writeString(cfg, "{\"maxSentencePairs\": 20}");
    ParallaxConfig config = ParallaxConfig.load(cfg);
    try (Parallax p = new Parallax(config, TestModels.nlp(), TestModels.embedder(), 2)) {
      Report r = p.analyze(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
      assertTrue(r.skipped().stream().anyMatch(s -> s.reason().contains("maxSentencePairs (20)")
          && s.reason().contains("only the first 1 claims")), r.skipped().toString());
      long compared = r.claims().stream().mapToLong(g -> g.evidence().size()).sum();
      assertTrue(compared <= r.articles().size(), "one claim an article: " + compared);
    }
  }
}
