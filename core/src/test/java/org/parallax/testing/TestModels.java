package org.parallax.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.parallax.align.Embedder;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.config.ParallaxConfig;
import org.parallax.nlp.NlpModels;
import org.parallax.pipeline.Parallax;

/** Models shared by the tests of one JVM: loading them takes a second or two, so it happens once. */
public final class TestModels {
  private static NlpModels nlp;
  private static Embedder embedder;
  private static Embedder groupingEncoder;
  private static Parallax parallax;

  private TestModels() {}

  public static synchronized NlpModels nlp() {
    if (nlp == null) {
      nlp = NlpModels.load();
    }
    return nlp;
  }

  public static synchronized Embedder embedder() {
    if (embedder == null) {
      embedder = new MiniLmEmbedder();
    }
    return embedder;
  }

  /** The default story grouping's encoder of headlines and leads (the distilled one unless PARALLAX_LEAD_ENCODER says otherwise). */
  public static synchronized Embedder groupingEncoder() {
    if (groupingEncoder == null) {
      groupingEncoder = org.parallax.stories.LeadEncoder.forDefaultGrouping();
    }
    return groupingEncoder;
  }

  public static synchronized Parallax parallax() {
    if (parallax == null) {
      parallax = new Parallax(ParallaxConfig.defaults(), nlp(), embedder(), 2);
    }
    return parallax;
  }

  /** The repository root, found from the module directory the tests run in. */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("examples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** {@code ../shared/<rest>} beside the repository, which CI and developers have and a plain clone may lack. */
  public static Path shared(String rest) {
    return repoRoot().resolveSibling("shared").resolve(rest);
  }
}
