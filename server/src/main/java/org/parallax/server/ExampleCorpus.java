package org.parallax.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.InputReader;
import org.parallax.model.Skipped;
import org.parallax.nlp.NlpModels;
import org.parallax.store.CorpusStore;

/**
 * The example corpus bundled in the jar, ingested into a store of its own: what {@code serve} shows when the user has
 * no store yet. Built in a folder the caller owns (a temporary one), exactly as {@code parallax ingest} would.
 */
public final class ExampleCorpus {
  static final String RESOURCE = "parallax/examples";

  private ExampleCorpus() {}

  /**
   * Copies the bundled examples under {@code dir/input}, ingests them into {@code dir/store} and returns that
   * store, committed and open for reading.
   */
  public static CorpusStore build(Path dir, NlpModels models, Embedder embedder, List<Skipped> problems) {
    Path input = dir.resolve("input");
    Path storeDir = dir.resolve("store");
    try {
      copyExamples(input);
    } catch (IOException | URISyntaxException e) {
      throw new ParallaxException("cannot unpack the bundled examples: " + e.getMessage(), e);
    }
    try (CorpusStore s = CorpusStore.open(storeDir)) {
      CorpusIngester ingester = new CorpusIngester(s, models, CorpusIngester.Settings.defaults(),
          CorpusIngester.Grouping.DEFAULT, org.parallax.stories.LeadEncoder.forDefaultGrouping(
              () -> embedder != null ? embedder : new org.parallax.align.MiniLmEmbedder()), problems::add);
      new InputReader(ParallaxConfig.defaults()).stream(List.of(input), ingester::accept, ingester::skip);
      ingester.close();
      // The caller's embedder for the conflicts' few sentences: its model is loaded already.
      org.parallax.outlets.StoryClaimsPass.run(s, models, org.parallax.outlets.StoryClaims.Params.defaults(),
          embedder != null ? () -> embedder : org.parallax.align.MiniLmEmbedder::new);
    }
    return CorpusStore.openReadOnly(storeDir);
  }

  private static void copyExamples(Path target) throws IOException, URISyntaxException {
    URL url = ExampleCorpus.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IOException("no " + RESOURCE + " in the jar");
    }
    URI uri = url.toURI();
    if (uri.getScheme().equals("jar")) {
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
        copyTree(fs.getPath("/" + RESOURCE), target);
      }
    } else {
      copyTree(Path.of(uri), target);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      Path dest = to.resolve(from.relativize(f).toString());
      Files.createDirectories(dest.getParent());
      try (InputStream in = Files.newInputStream(f)) {
        Files.copy(in, dest);
      }
    }
  }
}
