package org.parallax.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parallax.align.Embedder;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.framing.LoadedLanguageDetector;
import org.parallax.framing.LoadedTagger;
import org.parallax.model.Claim;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.quotes.QuoteSpans;

/**
 * Loaded language of one article, by the trained tagger or (configuration {@code loadedLanguage: "lexicon"}) the
 * word list. When the tagger's encoder is the pipeline's embedder, the vectors its pass gives the article's claim
 * sentences are kept, and alignment takes them instead of encoding those sentences again: one pass, two uses.
 * Thread-safe; the kept vectors belong to one analysis at a time ({@link #clear}).
 */
final class FramingStage implements AutoCloseable {
  private final LoadedLanguageDetector lexicon = new LoadedLanguageDetector();
  private final LoadedTagger tagger;
  private final boolean sharedPass;
  private final MiniLmEncoder ownEncoder;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  FramingStage(boolean useTagger, Embedder embedder) {
    sharedPass = embedder instanceof MiniLmEmbedder;
    ownEncoder = useTagger && !sharedPass ? new MiniLmEncoder() : null;
    tagger = !useTagger ? null : new LoadedTagger(sharedPass ? ((MiniLmEmbedder) embedder).encoder() : ownEncoder);
  }

  void clear() {
    vectors.clear();
  }

  LoadedLanguage detect(String body, List<Sentence> sentences, List<Claim> claims) {
    if (tagger == null) {
      return lexicon.detect(body, quotationSpans(body));
    }
    LoadedTagger.Tagged t = tagger.tag(body, sentences.stream().map(Sentence::span).toList(), quotationSpans(body));
    if (sharedPass) {
      for (Claim c : claims) {
        float[] v = t.vectors().get(c.text());
        if (v != null) {
          vectors.put(c.text(), v);
        }
      }
    }
    return t.loaded();
  }

  /** The embedder alignment should use: the kept vectors first, then {@code embedder} for the rest. */
  Embedder embedder(Embedder embedder) {
    return vectors.isEmpty() ? embedder : new ReusedVectors(vectors, embedder);
  }

  private static List<Span> quotationSpans(String body) {
    return QuoteSpans.find(body).stream()
        // short quoted phrases may be scare quotes, which are framing
        .filter(s -> body.substring(s.start(), s.end()).split("\\s+").length > 3).toList();
  }

  @Override
  public void close() {
    if (ownEncoder != null) {
      ownEncoder.close();
    }
  }
}
