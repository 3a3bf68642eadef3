package org.parallax.reuse;

import java.util.Arrays;

/**
 * MinHash signatures by one-permutation hashing: each feature hash goes to one bin (its top bits) and each bin keeps
 * its smallest value, so a signature costs one pass over the features instead of one per bin; empty bins are filled
 * from other bins by a fixed probe sequence (densification, Shrivastava 2017) so short texts stay comparable. The
 * share of equal bins of two signatures estimates the Jaccard similarity of their feature sets.
 */
public final class MinHash {
  /** Marks the signature of an empty set: it matches nothing. */
  static final int EMPTY = Integer.MAX_VALUE;

  private MinHash() {}

  /** Signature with {@code bins} bins (a power of two) of the first {@code count} feature hashes. */
  public static int[] signature(long[] features, int count, int bins) {
    if (Integer.bitCount(bins) != 1) {
      throw new IllegalArgumentException("bins must be a power of two: " + bins);
    }
    int shift = 64 - Integer.numberOfTrailingZeros(bins);
    int[] sig = new int[bins];
    Arrays.fill(sig, EMPTY);
    for (int i = 0; i < count; i++) {
      long h = mix(features[i]);
      int bin = (int) (h >>> shift);
      int value = (int) (h & 0x7FFF_FFFEL); // never EMPTY
      if (value < sig[bin]) {
        sig[bin] = value;
      }
    }
    if (count == 0) {
      return sig;
    }
    int[] dense = sig.clone();
    for (int i = 0; i < bins; i++) {
      if (sig[i] != EMPTY) {
        continue;
      }
      for (int attempt = 1; ; attempt++) {
        int j = (int) (mix(((long) i << 32) | attempt) >>> shift);
        if (sig[j] != EMPTY) {
          dense[i] = sig[j];
          break;
        }
      }
    }
    return dense;
  }

  /** Estimated Jaccard similarity: the share of bins that agree (0 when either set was empty). */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of different sizes");
    }
    if (a.length == 0 || a[0] == EMPTY || b[0] == EMPTY) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) a.length;
  }

  /** LSH band keys: one per band of {@code rows} consecutive bins, salted with the band's index. */
  public static long[] bandKeys(int[] sig, int rows, long salt) {
    long[] keys = new long[sig.length / rows];
    for (int b = 0; b < keys.length; b++) {
      long h = salt * 0x9E37_79B9_7F4A_7C15L + b;
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ sig[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
