package org.parallax.framing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.ParallaxException;
import org.parallax.encode.EncodedWords;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.encode.TokenStates;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Span;
import org.parallax.quotes.QuoteSpans;

/**
 * Loaded language and name calling found by a trained tagger: each sentence goes once through MiniLM, each word's
 * state (with a few surface features, {@link TaggerFeatures}) through the small head trained on PTC
 * ({@code parallax train loaded}; weights and their metadata in {@code loaded-tagger.bin} / {@code .json}), and runs
 * of loaded words become spans ({@link SpanDecoder}). The same pass gives each sentence's embedding, returned for
 * alignment to reuse. Spans inside the given quotation spans are dropped: a speaker's words are not the outlet's
 * framing. Thread-safe.
 */
public final class LoadedTagger {
  public static final String HEAD = "loaded-tagger.bin";
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("a", "an", "the", "and", "or", "but",
      "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "than", "that", "this", "these", "those",
      "it", "its", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can",
      "could", "will", "would", "should", "may", "might", "up", "so", "not", "no", "who", "which", "what", "he",
      "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me",
      "there", "here", "if", "then", "when", "while", "also", "just", "about", "into", "over", "out", "all");

  private final MiniLmEncoder encoder;
  private final TaggerHead head;
  private final LoadedLanguageDetector lexicon = new LoadedLanguageDetector();

  public LoadedTagger(MiniLmEncoder encoder, TaggerHead head) {
    this.encoder = encoder;
    this.head = head;
  }

  /** With the head shipped in the jar. */
  public LoadedTagger(MiniLmEncoder encoder) {
    this(encoder, bundledHead());
  }

  public static TaggerHead bundledHead() {
    try (InputStream in = LoadedTagger.class.getResourceAsStream(HEAD)) {
      if (in == null) {
        throw new ParallaxException("bundled " + HEAD + " missing");
      }
      return TaggerHead.read(in);
    } catch (IOException e) {
      throw new ParallaxException("cannot read bundled " + HEAD, e);
    }
  }

  /** The tagger's findings and, per sentence text (stripped), its embedding from the same pass. */
  public record Tagged(LoadedLanguage loaded, Map<String, float[]> vectors) {}

  public Tagged tag(String body, List<Span> sentences, List<Span> quotations) {
    Map<String, float[]> vectors = new HashMap<>();
    List<EncodedWords> words = encode(body, sentences, vectors);
    return new Tagged(decode(body, words, quotations, head.threshold(), head.gap()), vectors);
  }

  /** Each non-blank sentence's words with their states; {@code vectors} receives the sentence embeddings. */
  public List<EncodedWords> encode(String body, List<Span> sentences, Map<String, float[]> vectors) {
    List<EncodedWords> out = new ArrayList<>(sentences.size());
    for (Span s : sentences) {
      String text = body.substring(s.start(), s.end());
      if (text.isBlank()) {
        continue;
      }
      TokenStates t = encoder.encode(text);
      if (vectors != null && encoder.fits(text)) {
        vectors.put(text.strip(), t.pooled());
      }
      out.add(EncodedWords.of(t, s.start()));
    }
    return out;
  }

  /** Feature rows per word of each sentence ({@link TaggerFeatures}). */
  public float[][][] features(String body, List<EncodedWords> words) {
    boolean[] lex = TaggerFeatures.lexiconMask(body, lexicon.detect(body, List.of()).spans());
    boolean[] quoted = TaggerFeatures.mask(body, QuoteSpans.find(body));
    float[][][] out = new float[words.size()][][];
    for (int s = 0; s < words.size(); s++) {
      out[s] = TaggerFeatures.of(body, words.get(s), lex, quoted);
    }
    return out;
  }

  /** Class probabilities ({@link TaggerHead#CLASSES}) per word of each sentence. */
  public static double[][][] probabilities(float[][][] x, TaggerHead h) {
    double[][][] out = new double[x.length][][];
    for (int s = 0; s < x.length; s++) {
      out[s] = new double[x[s].length][];
      for (int i = 0; i < x[s].length; i++) {
        out[s][i] = h.probabilities(x[s][i]);
      }
    }
    return out;
  }

  public TaggerHead head() {
    return head;
  }

  /** Spans from the shipped head's probabilities, decoded with the given settings (tuning uses other ones). */
  public LoadedLanguage decode(String body, List<EncodedWords> words, List<Span> quotations, double threshold,
                               int gap) {
    return spans(body, words, probabilities(features(body, words), head), quotations, threshold, gap);
  }

  /** Spans from precomputed probabilities. */
  public static LoadedLanguage spans(String body, List<EncodedWords> words, double[][][] p, List<Span> quotations,
                                     double threshold, int gap) {
    List<LoadedTerm> found = new ArrayList<>();
    for (int s = 0; s < words.size(); s++) {
      EncodedWords w = words.get(s);
      double[] loaded = new double[w.size()];
      for (int i = 0; i < loaded.length; i++) {
        loaded[i] = 1 - p[s][i][0];
      }
      for (int[] r : SpanDecoder.decode(loaded, threshold, gap)) {
        int start = wordStart(body, w.starts()[r[0]]);
        int end = wordEnd(body, w.ends()[r[1]]);
        if (inside(start, quotations) || !hasContentWord(body, start, end)) {
          continue;
        }
        double l = 0;
        double n = 0;
        for (int i = r[0]; i <= r[1]; i++) {
          l += p[s][i][1];
          n += p[s][i][2];
        }
        found.add(new LoadedTerm(start, end, body.substring(start, end), TaggerHead.CLASSES[n > l ? 2 : 1]));
      }
    }
    TreeSet<String> terms = new TreeSet<>();
    for (LoadedTerm t : found) {
      terms.add(t.text().toLowerCase(Locale.ROOT));
    }
    int count = 0;
    Matcher m = WORD.matcher(body);
    while (m.find()) {
      count++;
    }
    double score = count == 0 ? 0 : Math.round(1000.0 * found.size() / count) / 10.0;
    return new LoadedLanguage(score, new ArrayList<>(terms), found);
  }

  /** Back to the start of the written word ("so-called", "hurricane-ravaged" are one word to a reader). */
  private static int wordStart(String body, int start) {
    while (start > 0 && (Character.isLetterOrDigit(body.charAt(start - 1)) || (body.charAt(start - 1) == '-'
        && start > 1 && Character.isLetter(body.charAt(start - 2))))) {
      start--;
    }
    return start;
  }

  private static int wordEnd(String body, int end) {
    while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || (body.charAt(end) == '-'
        && end + 1 < body.length() && Character.isLetter(body.charAt(end + 1))))) {
      end++;
    }
    return end;
  }

  /**
   * Whether the span has a word that could carry a connotation: a lone "the", "and" or "is" is the tagger's most
   * common false alarm (read on PTC dev), never a loaded term.
   */
  private static boolean hasContentWord(String body, int start, int end) {
    Matcher m = WORD.matcher(body).region(start, end);
    while (m.find()) {
      if (!FUNCTION_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(int offset, List<Span> spans) {
    for (Span s : spans) {
      if (s.start() <= offset && offset < s.end()) {
        return true;
      }
    }
    return false;
  }
}
