package org.parallax.clean;

import java.util.Locale;

/** Where to cut a text that is over a length limit, so that what is kept ends where a reader would stop. */
final class TextLimits {
  private TextLimits() {}

  /**
   * The end of the longest prefix of at most {@code limit} characters that ends a paragraph, else a line, a
   * sentence or a word, looked for in the limit's second half (so a text without breaks still keeps most of it).
   */
  static int cutPoint(String text, int limit) {
    if (text.length() <= limit) {
      return text.length();
    }
    int floor = limit / 2;
    int at = text.lastIndexOf("\n\n", limit);
    if (at < floor) {
      at = text.lastIndexOf('\n', limit);
    }
    if (at < floor) {
      at = sentenceEnd(text, limit, floor);
    }
    if (at < floor) {
      at = text.lastIndexOf(' ', limit);
    }
    if (at < floor) {
      at = limit;
    }
    // never split a surrogate pair
    return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
  }

  private static int sentenceEnd(String text, int limit, int floor) {
    for (int i = limit - 1; i > floor; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
