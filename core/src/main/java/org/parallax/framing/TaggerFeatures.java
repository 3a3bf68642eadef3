package org.parallax.framing;

import java.util.List;
import org.parallax.encode.EncodedWords;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Span;

/**
 * A word's features for the tagger: its MiniLM state (mean of its pieces), the states of the words before and after
 * it (zeros at the sentence's ends: where a phrase starts and stops), and four of its surface: inside a hit of our
 * lexicon, capitalised inside the sentence (names are rarely loaded), punctuation, inside a quotation.
 */
public final class TaggerFeatures {
  public static final int EXTRA = 4;

  private TaggerFeatures() {}

  /** Marks, per character of {@code body}, the characters inside any of {@code spans}. */
  public static boolean[] mask(String body, List<Span> spans) {
    boolean[] m = new boolean[body.length()];
    for (Span s : spans) {
      for (int i = Math.max(0, s.start()); i < Math.min(s.end(), m.length); i++) {
        m[i] = true;
      }
    }
    return m;
  }

  /** The lexicon's hits as a character mask. */
  public static boolean[] lexiconMask(String body, List<LoadedTerm> hits) {
    boolean[] m = new boolean[body.length()];
    for (LoadedTerm t : hits) {
      for (int i = t.start(); i < Math.min(t.end(), m.length); i++) {
        m[i] = true;
      }
    }
    return m;
  }

  /** One feature row per word of a sentence. */
  public static float[][] of(String body, EncodedWords w, boolean[] lexicon, boolean[] quoted) {
    float[][] rows = new float[w.size()][];
    for (int i = 0; i < w.size(); i++) {
      int d = w.states()[i].length;
      float[] x = new float[3 * d + EXTRA];
      System.arraycopy(w.states()[i], 0, x, 0, d);
      if (i > 0) {
        System.arraycopy(w.states()[i - 1], 0, x, d, d);
      }
      if (i + 1 < w.size()) {
        System.arraycopy(w.states()[i + 1], 0, x, 2 * d, d);
      }
      int a = w.starts()[i];
      char c = body.charAt(a);
      int e = 3 * d;
      x[e] = lexicon[a] ? 1 : 0;
      x[e + 1] = i > 0 && Character.isUpperCase(c) ? 1 : 0;
      x[e + 2] = Character.isLetterOrDigit(c) ? 0 : 1;
      x[e + 3] = quoted[a] ? 1 : 0;
      rows[i] = x;
    }
    return rows;
  }
}
