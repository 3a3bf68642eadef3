package org.parallax.outlets;

import java.util.ArrayList;
import java.util.List;
import org.parallax.framing.LoadedLanguageDetector;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.Span;

/**
 * Loaded language of a stored article for its outlet's profile: the same detector as {@code analyze}, with the
 * direct quotations found by pairing quotation marks (corpus mode attributes no quotes), so that a speaker's words
 * are not counted as the outlet's. Thread-safe.
 */
public final class OutletLanguage {
  /** A quotation longer than this is taken for an unpaired mark, not a quotation. */
  private static final int MAX_QUOTE = 1500;
  private final LoadedLanguageDetector detector = new LoadedLanguageDetector();
  private final PartyVoices partyVoices = new PartyVoices();

  public LoadedLanguage detect(String body) {
    return detector.detect(body, quotations(body));
  }

  /**
   * What an outlet's profile keeps of one article's language: its words and its loaded terms (lower-cased, with
   * their spans in the body measured), and its quotations of stated-party speakers ({@link PartyVoices}).
   * Compact and serializable: corpus mode measures it while preparing an
   * article, off the pass that decides in input order, and ships it with the prepared article.
   */
  public record Measured(long words, String[] terms, int[] starts, int[] ends, PartyVoices.Voice[] voices)
      implements java.io.Serializable {
    public int loaded() {
      return terms.length;
    }
  }

  /** Detects and counts in one go (see {@link Measured}). */
  public Measured measure(String body) {
    List<org.parallax.model.LoadedTerm> spans = detect(body).spans();
    String[] terms = new String[spans.size()];
    int[] starts = new int[spans.size()];
    int[] ends = new int[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      org.parallax.model.LoadedTerm t = spans.get(i);
      terms[i] = t.text().toLowerCase(java.util.Locale.ROOT);
      starts[i] = t.start();
      ends[i] = t.end();
    }
    return new Measured(words(body), terms, starts, ends,
        partyVoices.find(body).toArray(PartyVoices.Voice[]::new));
  }

  /** Spans between paired quotation marks (“…”, "…"), each at most {@link #MAX_QUOTE} characters. */
  static List<Span> quotations(String body) {
    List<Span> out = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '“' || (c == '"' && open < 0)) {
        open = i;
      } else if ((c == '”' || c == '"') && open >= 0) {
        if (i - open <= MAX_QUOTE) {
          out.add(new Span(open, i + 1));
        }
        open = -1;
      } else if (c == '\n' && open >= 0 && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
        open = -1; // a paragraph ends an unclosed quotation
      }
    }
    return out;
  }

  /** Words as the detector's rate counts them, roughly: runs of letters. */
  public static long words(String body) {
    long n = 0;
    boolean in = false;
    for (int i = 0; i < body.length(); i++) {
      boolean letter = Character.isLetter(body.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return n;
  }
}
