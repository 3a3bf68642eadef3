package org.parallax.align;

import java.util.List;

/** Sentence embeddings: one unit-length vector per text, in order. Implementations must be thread-safe. */
public interface Embedder {
  float[][] embed(List<String> texts);

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
