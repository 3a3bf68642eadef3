package org.parallax.corpus;

import java.nio.file.Path;
import java.util.List;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.InputReader;
import org.parallax.nlp.NlpModels;
import org.parallax.store.CorpusStore;

/** Run in a child JVM by {@link IngestCrashTest}: ingests a corpus into a store, as `parallax ingest` does. */
public final class IngestCrashChild {
  private IngestCrashChild() {}

  /** Arguments: store folder, corpus file, batch size. */
  public static void main(String[] args) {
    CorpusIngester.Settings d = CorpusIngester.Settings.defaults();
    CorpusIngester.Settings settings = new CorpusIngester.Settings(d.stories(), d.copies(),
        Integer.parseInt(args[2]), d.vectorTerms(), d.dfSlots());
    try (CorpusStore store = CorpusStore.open(Path.of(args[0]))) {
      CorpusIngester in = new CorpusIngester(store, NlpModels.load(), settings, s -> { });
      System.out.println("ingesting"); // the parent's clock for kill moments starts here, after start-up
      System.out.flush();
      new InputReader(ParallaxConfig.defaults()).stream(List.of(Path.of(args[1])), in::accept, in::skip);
      in.close();
    }
  }
}
