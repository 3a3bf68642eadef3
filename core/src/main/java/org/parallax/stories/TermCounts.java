package org.parallax.stories;

/** Raw weighted term counts of one article, keyed by 64-bit term hashes (words and names share the space). */
public record TermCounts(long[] terms, float[] counts) implements java.io.Serializable {
  public int size() {
    return terms.length;
  }

  /** Accumulates counts in an open-addressing table (no boxing: this runs for every word ingested). */
  public static final class Builder {
    private long[] keys = new long[512];
    private float[] values = new float[512];
    private boolean[] used = new boolean[512];
    private int size;

    public void add(long term, float weight) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int slot = slot(keys, used, term);
      if (!used[slot]) {
        used[slot] = true;
        keys[slot] = term;
        size++;
      }
      values[slot] += weight;
    }

    public TermCounts build() {
      long[] t = new long[size];
      float[] c = new float[size];
      int k = 0;
      for (int i = 0; i < keys.length; i++) {
        if (used[i]) {
          t[k] = keys[i];
          c[k++] = values[i];
        }
      }
      return new TermCounts(t, c);
    }

    private static int slot(long[] keys, boolean[] used, long key) {
      int mask = keys.length - 1;
      int s = (int) (key ^ (key >>> 29)) & mask;
      while (used[s] && keys[s] != key) {
        s = (s + 1) & mask;
      }
      return s;
    }

    private void grow() {
      long[] k = keys;
      float[] v = values;
      boolean[] u = used;
      keys = new long[k.length * 2];
      values = new float[k.length * 2];
      used = new boolean[k.length * 2];
      for (int i = 0; i < k.length; i++) {
        if (u[i]) {
          int s = slot(keys, used, k[i]);
          used[s] = true;
          keys[s] = k[i];
          values[s] = v[i];
        }
      }
    }
  }
}
