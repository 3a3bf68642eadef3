package org.parallax.align;

import java.util.List;

/** Sentence embeddings: one unit-length vector per text, in order. Implementations must be thread-safe. */
public interface Embedder {
  float[][] embed(List<String> texts);

  /**
   * The vector space this embedder's vectors live in: vectors of two embedders compare only when the names are
   * equal (stories saved with their embeddings record it). By default {@link #MINILM}, the space of every embedder
   * before the story grouping got its own encoder.
   */
  default String space() {
    return MINILM;
  }

  /** all-MiniLM-L6-v2, quantized, as LangChain4j ships it. */
  String MINILM = "all-minilm-l6-v2-q";

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
