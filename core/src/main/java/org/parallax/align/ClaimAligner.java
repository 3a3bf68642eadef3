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
 * Groups claims of different articles that say the same thing, in any wording. Two sentences are linked only when
 * each is the other's best match in its article (embedding similarity at least the threshold) and they state the
 * same thing ({@link #agreement}); links are taken strongest first, and a group never takes two sentences of
 * one article. A group's status follows how many independent sources among the analysed articles state it: copies
 * and rewrites of one text count once ({@link Independence}).
 */
public final class ClaimAligner {
  private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d[\\d,.]*");
  private final double threshold;
  private final double minAgreement;
  private final double consensusShare;

  /**
   * @param threshold      embedding similarity from which two sentences may be each other's match
   * @param minAgreement   agreement score ({@link #agreement}) from which a match states the same thing
   * @param consensusShare share of the articles (more than this) that makes a claim consensus
   */
  public ClaimAligner(double threshold, double minAgreement, double consensusShare) {
    this.threshold = threshold;
    this.minAgreement = minAgreement;
    this.consensusShare = consensusShare;
  }

  /** Aligned groups; each claim appears in exactly one group. */
  public record Alignment(List<ClaimGroup> groups, Map<ClaimGroup, List<Claim>> members) {}

  public Alignment align(List<Claim> claims, ClaimVectors vectors, int articleCount) {
    return align(claims, vectors, articleCount, Independence.none(), null);
  }

  /**
   * @param independence which articles are copies of one another: a group's status counts independent sources
   * @param allArticles  every analysed article (for the independent share that makes consensus); null: no copies
   */
  public Alignment align(List<Claim> claims, ClaimVectors vectors, int articleCount, Independence independence,
                         List<String> allArticles) {
    return align(claims, vectors, articleCount, independence, allArticles,
        ClaimPairs.mutualBest(claims, vectors, threshold));
  }

  /** As above, with the mutual best matches already computed (at this aligner's threshold or a lower one). */
  public Alignment align(List<Claim> claims, ClaimVectors vectors, int articleCount, Independence independence,
                         List<String> allArticles, List<ClaimPairs.Pair> pairs) {
    int sourceCount = allArticles == null ? articleCount : independence.count(allArticles);
    int n = claims.size();
    int[] parent = new int[n];
    List<Set<String>> articles = new ArrayList<>(n);
    Map<Claim, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      articles.add(new HashSet<>(Set.of(claims.get(i).article())));
      index.put(claims.get(i), i);
    }
    record Edge(int a, int b, double sim) {}
    List<Edge> edges = new ArrayList<>();
    for (ClaimPairs.Pair p : ClaimPairs.atLeast(pairs, threshold)) {
      if (agreement(p.a(), p.b(), p.similarity()) >= minAgreement) {
        edges.add(new Edge(index.get(p.a()), index.get(p.b()), p.similarity()));
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
      List<String> ids = new ArrayList<>(arts);
      var copies = independence.copies(ids);
      int sources = ids.size() - copies.size();
      ClaimStatus status = sources >= 2 && sources > consensusShare * sourceCount
          ? ClaimStatus.CONSENSUS : sources >= 2 ? ClaimStatus.PARTIAL : ClaimStatus.UNIQUE;
      List<Evidence> evidence = new ArrayList<>();
      for (Claim claim : c) {
        evidence.add(Evidence.of(claim));
      }
      ClaimGroup g = new ClaimGroup("c" + id++, medoid(c, vectors).text(), status, ids, sources, copies, evidence,
          false);
      groups.add(g);
      members.put(g, c);
    }
    return new Alignment(groups, members);
  }

  /**
   * Whether two mutually best-matching sentences state the same thing, not just the same topic. The agreement score
   * adds to the embedding similarity half the share of content words and half the share of word pairs (bigrams)
   * the two have in common, a bonus for a shared figure and a malus when both give figures and share none. The
   * weights and the threshold were chosen on our annotated dev stories (BENCHMARKS.md, "Claims and conflicts").
   */
  static double agreement(Claim a, Claim b, double similarity) {
    Set<String> na = figures(a.text());
    Set<String> nb = figures(b.text());
    boolean shared = false;
    for (String x : na) {
      shared |= nb.contains(x);
    }
    return similarity + 0.5 * Words.overlap(a.text(), b.text()) + 0.5 * Words.bigramOverlap(a.text(), b.text())
        + (shared ? 0.3 : 0) - (!shared && !na.isEmpty() && !nb.isEmpty() ? 0.2 : 0);
  }

  static Set<String> figures(String text) {
    Set<String> out = new HashSet<>();
    java.util.regex.Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      out.add(m.group().replace(",", "").replaceAll("\\.$", ""));
    }
    return out;
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
