package org.parallax.reuse;

import java.nio.ByteBuffer;

/**
 * What copy detection keeps of an article: MinHash signatures of three views of its text, with the size of each
 * feature set (needed to turn an estimated Jaccard similarity into containment, which gives a copy's direction).
 * <ul>
 *   <li>{@code shingles}: word 3-grams, the usual near-duplicate view;</li>
 *   <li>{@code anchors}: consecutive pairs of names and numbers in reading order — what a spinner, swapping words
 *       for synonyms, leaves alone;</li>
 *   <li>{@code words}: the set of content words.</li>
 * </ul>
 * Arrays are not copied; treat them as read-only.
 */
public record Fingerprint(int[] shingles, int shingleCount, int[] anchors, int anchorCount, int[] words,
                          int wordCount) implements java.io.Serializable {
  public static final int SHINGLE_BINS = 128;
  public static final int ANCHOR_BINS = 64;
  public static final int WORD_BINS = 64;

  /** A compact binary form for the store. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(12 + 4 * (shingles.length + anchors.length + words.length));
    b.putInt(shingleCount).putInt(anchorCount).putInt(wordCount);
    for (int[] sig : new int[][] {shingles, anchors, words}) {
      for (int v : sig) {
        b.putInt(v);
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
    return new Fingerprint(sigs[0], sc, sigs[1], ac, sigs[2], wc);
  }
}
