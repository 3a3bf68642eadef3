package org.parallax.reuse;

import java.nio.ByteBuffer;

/**
 * What copy detection keeps of an article: MinHash signatures of three views of its text, with the size of each
 * feature set (needed to turn an estimated Jaccard similarity into containment), and what confirms and directs a
 * copy:
 * <ul>
 *   <li>{@code shingles}: word 3-grams, the usual view of verbatim copying;</li>
 *   <li>{@code anchors}: consecutive pairs of names and numbers in reading order — what a rewriter, swapping words
 *       for synonyms, leaves alone;</li>
 *   <li>{@code words}: the set of content words;</li>
 *   <li>{@code outlet}: a hash of the outlet's name (0 when unknown): a copy within one outlet is an update;</li>
 *   <li>{@code evidence}: {@link #WIRE} (the outlet is a news agency) and {@link #CREDIT} (the text credits an
 *       agency, "The Associated Press contributed to this report"), which direct a copy when dates cannot;</li>
 *   <li>{@code sketch}: the sentences in reading order, each as the 16-bit hashes of its content words and numbers,
 *       separated by 0: enough to align two texts sentence by sentence ({@link SentenceAlignment});</li>
 *   <li>{@code title}: the headline's content-word hashes, sorted, the same way; {@code related}: the lines the
 *       cleaner took out of the body as headlines of related articles, as a sketch: a page that prints another
 *       article's headline as a related story was written after it.</li>
 * </ul>
 * Text an outlet repeats across its articles (boilerplate) is left out of every view. Arrays are not copied; treat
 * them as read-only.
 */
public record Fingerprint(int[] shingles, int shingleCount, int[] anchors, int anchorCount, int[] words,
                          int wordCount, int outlet, int evidence, char[] sketch, char[] title,
                          char[] related)
    implements java.io.Serializable {
  public static final int SHINGLE_BINS = 128;
  public static final int ANCHOR_BINS = 64;
  public static final int WORD_BINS = 64;
  /** The outlet is a news agency. */
  public static final int WIRE = 1;
  /** The text credits a news agency for (part of) itself. */
  public static final int CREDIT = 2;
  /** Longest sketch kept (characters), so one article's cost stays bounded. */
  public static final int MAX_SKETCH = 6000;
  /** Longest related-headlines sketch kept (characters). */
  public static final int MAX_RELATED = 600;

  /** Without outlet, evidence or sketch (older stores): such a fingerprint confirms no copy. */
  public Fingerprint(int[] shingles, int shingleCount, int[] anchors, int anchorCount, int[] words, int wordCount) {
    this(shingles, shingleCount, anchors, anchorCount, words, wordCount, 0, 0, new char[0], new char[0], new char[0]);
  }

  /** A compact binary form for the store. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(12 + 4 * (shingles.length + anchors.length + words.length) + 12
        + 2 * sketch.length + 8 + 2 * (title.length + related.length));
    b.putInt(shingleCount).putInt(anchorCount).putInt(wordCount);
    for (int[] sig : new int[][] {shingles, anchors, words}) {
      for (int v : sig) {
        b.putInt(v);
      }
    }
    b.putInt(outlet).putInt(evidence).putInt(sketch.length);
    for (char c : sketch) {
      b.putChar(c);
    }
    for (char[] field : new char[][] {title, related}) {
      b.putInt(field.length);
      for (char c : field) {
        b.putChar(c);
      }
    }
    return b.array();
  }

  public static Fingerprint fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int sc = b.getInt();
    int ac = b.getInt();
    int wc = b.getInt();
    int[][] sigs = {new int[SHINGLE_BINS], new int[ANCHOR_BINS], new int[WORD_BINS]};
    for (int[] sig : sigs) {
      for (int i = 0; i < sig.length; i++) {
        sig[i] = b.getInt();
      }
    }
    if (b.remaining() < 12) { // written before outlets and sketches were kept
      return new Fingerprint(sigs[0], sc, sigs[1], ac, sigs[2], wc);
    }
    int outlet = b.getInt();
    int evidence = b.getInt();
    char[] sketch = new char[Math.min(b.getInt(), b.remaining() / 2)];
    for (int i = 0; i < sketch.length; i++) {
      sketch[i] = b.getChar();
    }
    char[] title = chars(b); // none in stores written before headlines were kept
    char[] related = chars(b);
    return new Fingerprint(sigs[0], sc, sigs[1], ac, sigs[2], wc, outlet, evidence, sketch, title, related);
  }

  private static char[] chars(ByteBuffer b) {
    char[] out = new char[b.remaining() < 4 ? 0 : Math.min(b.getInt(), b.remaining() / 2)];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getChar();
    }
    return out;
  }
}
