package org.parallax.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parallax.align.Embedder;

/**
 * The sentence embeddings the loaded-language tagger's encoder pass already gave (same model, same pooling), handed
 * to alignment instead of encoding those sentences again; only the texts it lacks go to the embedder.
 */
final class ReusedVectors implements Embedder {
  private final Map<String, float[]> known;
  private final Embedder embedder;

  ReusedVectors(Map<String, float[]> known, Embedder embedder) {
    this.known = known;
    this.embedder = embedder;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out[i] = known.get(texts.get(i));
      if (out[i] == null) {
        missing.add(texts.get(i));
        where.add(i);
      }
    }
    if (!missing.isEmpty()) {
      float[][] v = embedder.embed(missing);
      for (int k = 0; k < v.length; k++) {
        out[where.get(k)] = v[k];
      }
    }
    return out;
  }
}
