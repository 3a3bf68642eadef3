package org.parallax.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;
import org.parallax.pipeline.Parallax;
import org.parallax.store.CorpusStore;

/**
 * What the server tests share: one loaded pipeline (models take seconds to load) and a store built from the bundled
 * example corpus, the way {@code serve} builds it when the user has none.
 */
final class TestCorpus {
  private static Parallax parallax;
  private static Path root;

  private TestCorpus() {}

  static synchronized Parallax parallax() {
    if (parallax == null) {
      parallax = Parallax.create(ParallaxConfig.defaults());
    }
    return parallax;
  }

  /** A fresh read-only store over the example corpus (each server closes its own). */
  static synchronized CorpusStore exampleStore() {
    try {
      if (root == null) {
        root = Files.createTempDirectory("parallax-server-test-");
        List<Skipped> problems = new ArrayList<>();
        ExampleCorpus.build(root, parallax().models(), parallax().embedder(), problems).close();
        if (!problems.isEmpty()) {
          throw new IllegalStateException("the example corpus should ingest cleanly: " + problems);
        }
      }
      return CorpusStore.openReadOnly(root.resolve("store"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParallaxServer start(ServerOptions options) {
    return ParallaxServer.start(exampleStore(), "bundled examples", parallax(), options.withPort(0));
  }

  static byte[] fixture(String name) {
    try (InputStream in = TestCorpus.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
