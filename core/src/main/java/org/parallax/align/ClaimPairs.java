package org.parallax.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.model.Claim;

/**
 * Pairs of claims of two different articles that are each other's best partner in the other article (by embedding
 * similarity, at least a threshold): the statements of two outlets that can be compared slot by slot. Taking the
 * best partner both ways, not every pair above a threshold, keeps a sentence from being paired with a merely
 * similar one when the article also has the one that says the same thing.
 */
public final class ClaimPairs {
  /** Two claims of different articles, each the other's best match there, and their embedding similarity. */
  public record Pair(Claim a, Claim b, double similarity) {}

  private ClaimPairs() {}

  /**
   * The mutual best matches at or above {@code threshold}. A claim's best match does not depend on the threshold,
   * so the pairs for a higher one are these filtered by similarity ({@link #atLeast}): the pipeline computes them
   * once for the aligner and the conflict detector.
   */
  public static List<Pair> mutualBest(List<Claim> claims, ClaimVectors vectors, double threshold) {
    int n = claims.size();
    // best[i] per other article: index of the most similar claim there, and its similarity
    List<Map<String, Integer>> best = new ArrayList<>(n);
    List<Map<String, Double>> bestSim = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      best.add(new HashMap<>());
      bestSim.add(new HashMap<>());
    }
    for (int i = 0; i < n; i++) {
      Claim a = claims.get(i);
      if (vectors.of(a) == null) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        Claim b = claims.get(j);
        if (a.article().equals(b.article()) || vectors.of(b) == null) {
          continue;
        }
        double s = vectors.similarity(a, b);
        if (s < threshold) {
          continue;
        }
        if (s > bestSim.get(i).getOrDefault(b.article(), -1.0)) {
          bestSim.get(i).put(b.article(), s);
          best.get(i).put(b.article(), j);
        }
        if (s > bestSim.get(j).getOrDefault(a.article(), -1.0)) {
          bestSim.get(j).put(a.article(), s);
          best.get(j).put(a.article(), i);
        }
      }
    }
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, Integer> e : best.get(i).entrySet()) {
        int j = e.getValue();
        if (j > i && Integer.valueOf(i).equals(best.get(j).get(claims.get(i).article()))) {
          out.add(new Pair(claims.get(i), claims.get(j), bestSim.get(i).get(e.getKey())));
        }
      }
    }
    return out;
  }

  /** The pairs of at least {@code threshold} similarity. */
  static List<Pair> atLeast(List<Pair> pairs, double threshold) {
    return pairs.stream().filter(p -> p.similarity() >= threshold).toList();
  }
}
