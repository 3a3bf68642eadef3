package org.parallax.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.parallax.ParallaxException;

/**
 * The OpenNLP models, loaded once from the model jars on the classpath (Maven artifacts; nothing is downloaded).
 * Models are thread-safe and shared; the tools built from them are not, so each thread makes its own
 * {@link Annotator}.
 */
public final class NlpModels {
  private static final String SENT = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  private static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  private static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  private static final String LANG = "/langdetect-183.bin";

  final SentenceModel sentences;
  final TokenizerModel tokens;
  final POSModel pos;
  final LanguageDetectorModel languages;

  private NlpModels(SentenceModel s, TokenizerModel t, POSModel p, LanguageDetectorModel l) {
    this.sentences = s;
    this.tokens = t;
    this.pos = p;
    this.languages = l;
  }

  /** Loads the four models in parallel (the language model dominates start-up time). */
  public static NlpModels load() {
    CompletableFuture<LanguageDetectorModel> lang = CompletableFuture.supplyAsync(
        () -> read(LANG, LanguageDetectorModel::new));
    CompletableFuture<POSModel> pos = CompletableFuture.supplyAsync(() -> read(POS, POSModel::new));
    SentenceModel s = read(SENT, SentenceModel::new);
    TokenizerModel t = read(TOKENS, TokenizerModel::new);
    return new NlpModels(s, t, pos.join(), lang.join());
  }

  private interface Loader<T> {
    T load(InputStream in) throws IOException;
  }

  private static <T> T read(String resource, Loader<T> loader) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ParallaxException("OpenNLP model " + resource + " is not on the classpath");
      }
      return loader.load(in);
    } catch (IOException e) {
      throw new ParallaxException("cannot load OpenNLP model " + resource, e);
    }
  }
}
