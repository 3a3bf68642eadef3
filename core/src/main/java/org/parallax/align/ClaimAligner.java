package org.parallax.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Evidence;

/**
 * Groups claims of different articles that say the same thing, in any wording: sentence pairs are linked strongest
 * first when their embedding similarity reaches the threshold, and a group never takes two sentences of one
 * article. A group's status follows how many of the analysed articles state it.
 */
public final class ClaimAligner {
  private final double threshold;
  private final double consensusShare;

  public ClaimAligner(double threshold, double consensusShare) {
    this.threshold = threshold;
    this.consensusShare = consensusShare;
  }

  /** Aligned groups; each claim appears in exactly one group. */
  public record Alignment(List<ClaimGroup> groups, Map<ClaimGroup, List<Claim>> members) {}

  public Alignment align(List<Claim> claims, ClaimVectors vectors, int articleCount) {
    int n = claims.size();
    int[] parent = new int[n];
    List<Set<String>> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      articles.add(new HashSet<>(Set.of(claims.get(i).article())));
    }
    record Edge(int a, int b, double sim) {}
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (claims.get(i).article().equals(claims.get(j).article())) {
          continue;
        }
        double s = vectors.similarity(claims.get(i), claims.get(j));
        if (s >= threshold) {
          edges.add(new Edge(i, j, s));
        }
      }
    }
    edges.sort(Comparator.comparingDouble(Edge::sim).reversed());
    for (Edge e : edges) {
      int ra = find(parent, e.a);
      int rb = find(parent, e.b);
      if (ra == rb) {
        continue;
      }
      Set<String> sa = articles.get(ra);
      Set<String> sb = articles.get(rb);
      if (disjoint(sa, sb)) {
        parent[rb] = ra;
        sa.addAll(sb);
      }
    }
    Map<Integer, List<Claim>> byRoot = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (!byRoot.containsKey(r)) {
        order.add(r);
      }
      byRoot.computeIfAbsent(r, k -> new ArrayList<>()).add(claims.get(i));
    }
    List<List<Claim>> clusters = new ArrayList<>();
    for (int r : order) {
      clusters.add(byRoot.get(r));
    }
    // Widest agreement first, then reading order (leads carry the main facts).
    clusters.sort(Comparator.<List<Claim>>comparingInt(c -> -articlesOf(c).size())
        .thenComparingDouble(ClaimAligner::meanPosition));
    List<ClaimGroup> groups = new ArrayList<>();
    Map<ClaimGroup, List<Claim>> members = new HashMap<>();
    int id = 1;
    for (List<Claim> c : clusters) {
      Set<String> arts = articlesOf(c);
      ClaimStatus status = arts.size() >= 2 && arts.size() > consensusShare * articleCount
          ? ClaimStatus.CONSENSUS : arts.size() >= 2 ? ClaimStatus.PARTIAL : ClaimStatus.UNIQUE;
      List<Evidence> evidence = new ArrayList<>();
      for (Claim claim : c) {
        evidence.add(Evidence.of(claim));
      }
      ClaimGroup g = new ClaimGroup("c" + id++, medoid(c, vectors).text(), status, new ArrayList<>(arts), evidence,
          false);
      groups.add(g);
      members.put(g, c);
    }
    return new Alignment(groups, members);
  }

  /** The member most similar to the others, shorter wording on ties. */
  static Claim medoid(List<Claim> c, ClaimVectors vectors) {
    Claim best = c.get(0);
    double bestScore = -1;
    for (Claim a : c) {
      double s = 0;
      for (Claim b : c) {
        if (a != b) {
          s += vectors.similarity(a, b);
        }
      }
      s -= a.text().length() / 10000.0;
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  }

  static Set<String> articlesOf(List<Claim> c) {
    Set<String> out = new LinkedHashSet<>();
    for (Claim claim : c) {
      out.add(claim.article());
    }
    return out;
  }

  private static double meanPosition(List<Claim> c) {
    double s = 0;
    for (Claim claim : c) {
      s += claim.sentence();
    }
    return s / c.size();
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String x : b) {
      if (a.contains(x)) {
        return false;
      }
    }
    return true;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
