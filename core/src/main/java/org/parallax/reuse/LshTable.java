package org.parallax.reuse;

import java.util.Arrays;

/**
 * LSH buckets as primitive arrays: band key → the entries that share it. Open addressing over keys, each key
 * heading a linked list of postings; about 16 bytes a posting instead of the ~60 of boxed collections. Entries are
 * never removed one by one: the owner rebuilds the table from what it keeps.
 */
final class LshTable {
  private long[] keys;
  private int[] heads;
  private boolean[] used;
  private int keyCount;
  private int[] postEntry = new int[1024];
  private int[] postNext = new int[1024];
  private int postCount;

  LshTable(int expectedKeys) {
    int cap = Integer.highestOneBit(Math.max(16, expectedKeys * 2) - 1) << 1;
    keys = new long[cap];
    heads = new int[cap];
    used = new boolean[cap];
  }

  void put(long key, int entry) {
    if (keyCount * 2 >= keys.length) {
      grow();
    }
    int slot = find(key);
    if (!used[slot]) {
      used[slot] = true;
      keys[slot] = key;
      heads[slot] = -1;
      keyCount++;
    }
    if (postCount == postEntry.length) {
      postEntry = Arrays.copyOf(postEntry, postCount * 2);
      postNext = Arrays.copyOf(postNext, postCount * 2);
    }
    postEntry[postCount] = entry;
    postNext[postCount] = heads[slot];
    heads[slot] = postCount++;
  }

  /** Calls {@code visitor} with every entry filed under {@code key}. */
  void forEach(long key, java.util.function.IntConsumer visitor) {
    int slot = find(key);
    if (!used[slot]) {
      return;
    }
    for (int p = heads[slot]; p >= 0; p = postNext[p]) {
      visitor.accept(postEntry[p]);
    }
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) MinHash.mix(key) & mask;
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    heads = new int[keys.length];
    used = new boolean[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int slot = find(oldKeys[i]);
        used[slot] = true;
        keys[slot] = oldKeys[i];
        heads[slot] = oldHeads[i];
      }
    }
  }
}
