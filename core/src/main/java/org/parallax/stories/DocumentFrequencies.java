package org.parallax.stories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Document frequencies of terms over everything ingested so far, in a fixed-size table of hashed counters (the
 * "hashing trick"): memory stays at {@code 4 * slots} bytes however large the corpus grows, at the price of rare
 * collisions between unrelated terms, which only blur an IDF weight a little.
 */
public final class DocumentFrequencies {
  private final int[] counts;
  private final int mask;
  private long documents;

  public DocumentFrequencies(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    counts = new int[slots];
    mask = slots - 1;
  }

  /** Counts one more document holding these terms. */
  public void add(TermCounts doc) {
    documents++;
    for (long t : doc.terms()) {
      counts[slot(t)]++;
    }
  }

  /**
   * Smoothed inverse document frequency; a term never seen weighs the most. While fewer than {@link #MATURE}
   * documents have been counted the weights are flattened towards 1: in a small store most articles are about the
   * same few events, and their shared words would otherwise count as common ones.
   */
  public double idf(long term) {
    double idf = Math.log((documents + 1.0) / (counts[slot(term)] + 1.0));
    return 1.0 + idf * Math.min(1.0, documents / (double) MATURE);
  }

  /** Documents after which frequencies are trusted fully. */
  static final int MATURE = 1000;

  private int slot(long term) {
    return (int) (term ^ (term >>> 32)) & mask;
  }

  /** Writes the table next to the store, atomically (write, then rename). */
  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(12 + 4 * counts.length);
    buf.putInt(counts.length).putLong(documents);
    buf.asIntBuffer().put(counts);
    Files.write(tmp, buf.array());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a saved table, or returns an empty one of {@code slots} slots when there is none. */
  public static DocumentFrequencies load(Path file, int slots) throws IOException {
    DocumentFrequencies df = new DocumentFrequencies(slots);
    if (!Files.exists(file)) {
      return df;
    }
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
    int n = buf.getInt();
    if (n != slots || buf.remaining() != 8 + 4L * n) {
      throw new IOException("document-frequency table is damaged or has " + n + " slots, expected " + slots);
    }
    df.documents = buf.getLong();
    buf.asIntBuffer().get(df.counts);
    return df;
  }
}
