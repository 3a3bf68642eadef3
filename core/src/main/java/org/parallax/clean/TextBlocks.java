package org.parallax.clean;

import java.util.Arrays;

/**
 * A body cut into blocks for corpus-level boilerplate: sentences and lines, each with the hash of its normalised
 * text (lower-case letters only, words joined by one space: digits and punctuation are dropped, so "Hide Caption 3
 * of 19" and "Hide Caption 7 of 24" are one block). Blocks of fewer than {@value #MIN_WORDS} words get no key
 * (key 0): too short to tell boilerplate from common phrasing.
 *
 * @param starts    each block's first character in the body
 * @param ends      each block's end (exclusive)
 * @param keys      each block's normalised hash, 0 for blocks too short to count
 * @param paragraph each block's paragraph (paragraphs are separated by blank lines)
 */
public record TextBlocks(int[] starts, int[] ends, long[] keys, int[] paragraph) implements java.io.Serializable {
  static final int MIN_WORDS = 4;

  public int size() {
    return starts.length;
  }

  public static TextBlocks of(String body) {
    int cap = 16;
    int[] starts = new int[cap];
    int[] ends = new int[cap];
    long[] keys = new long[cap];
    int[] paragraph = new int[cap];
    int n = 0;
    int para = 0;
    int i = 0;
    int len = body.length();
    while (i < len) {
      while (i < len && Character.isWhitespace(body.charAt(i))) {
        if (body.charAt(i) == '\n' && i + 1 < len && body.charAt(i + 1) == '\n' && n > 0) {
          para = paragraph[n - 1] + 1;
        }
        i++;
      }
      if (i >= len) {
        break;
      }
      int start = i;
      long h = 0xCBF2_9CE4_8422_2325L;
      int words = 0;
      boolean inWord = false;
      while (i < len) {
        char c = body.charAt(i);
        if (c == '\n') {
          break;
        }
        if (Character.isLetter(c)) {
          if (!inWord) {
            words++;
            h = (h ^ ' ') * 0x100_0000_01B3L;
            inWord = true;
          }
          h = (h ^ Character.toLowerCase(c)) * 0x100_0000_01B3L;
        } else if (!Character.isDigit(c)) {
          inWord = false;
        }
        i++;
        if ((c == '.' || c == '!' || c == '?') && i < len && body.charAt(i) == ' ') {
          break; // a sentence ends
        }
      }
      if (n == starts.length) {
        cap *= 2;
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        keys = Arrays.copyOf(keys, cap);
        paragraph = Arrays.copyOf(paragraph, cap);
      }
      starts[n] = start;
      ends[n] = i;
      keys[n] = words >= MIN_WORDS ? (h == 0 ? 1 : h) : 0;
      paragraph[n] = para;
      n++;
    }
    return new TextBlocks(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(keys, n),
        Arrays.copyOf(paragraph, n));
  }
}
