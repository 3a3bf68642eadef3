package org.parallax.outlets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.nlp.SentenceSplitter;

/**
 * Lexical triangulation of one shared story, for the outlet profiles: which claims most of the story's outlets
 * state, which outlets covering the story omit them, and which sentences an outlet states alone. Named for what it
 * is: sentences compared by their words only (content words, word pairs, figures — the lexical half of
 * {@code analyze}'s agreement score), with no embedding and no tagging, so that every story three or more outlets
 * cover can be analysed at a small fraction of the ingest's cost. Measured against our annotated stories
 * ({@code parallax eval story-claims}); its thresholds are chosen on dev there.
 *
 * <p>Precision first, both ways: two sentences are linked (say the same thing) only at a high score and when each
 * is the other's best in its article; an outlet states a claim, so that it is not counted as omitting it, at a
 * much lower score with any of the claim's sentences; and a sentence is unique only when no sentence of any other
 * outlet reaches that lower score. Not thread-safe (one splitter): one instance per thread.
 */
public final class StoryClaims {
  /** Articles read in one story at most (the first, in ingest order): the pairwise scores grow with its square. */
  static final int MAX_STORY_ARTICLES = 24;

  /**
   * @param link           score from which two mutually best sentences of two outlets state the same claim
   * @param present        score from which an outlet is taken to state a claim (or a sentence to be shared)
   * @param minCommon      content words two linked sentences must share
   * @param minWords       content words a sentence needs to count as a claim (shorter ones: datelines, captions)
   * @param maxSentences   sentences read per article
   * @param maxArticles    articles read per outlet in one story
   */
  public record Params(double link, double present, int minCommon, int minWords, int maxSentences,
                       int maxArticles) {
    public static Params defaults() {
      return new Params(0.55, 0.20, 4, 6, 80, 3);
    }
  }

  /** An article of the story: id, outlet (identified), body. */
  public record Input(String id, String outlet, String body) {}

  /** A sentence as evidence: article id and span of its body, with the sentence. */
  public record Cited(String article, int start, int end, String text) {
    public String ref() {
      return article + ":" + start + ":" + end;
    }
  }

  /** A claim most of the story's outlets state: its sentences and the outlets that state it. */
  public record Consensus(List<Cited> sentences, List<String> outlets) {}

  /**
   * What one outlet of the story does: its articles, the claim-like sentences read, the story's consensus claims,
   * those it omits (states nowhere in its articles) and its sentences no other outlet states.
   */
  public record OutletResult(String outlet, List<String> articles, int sentences, int consensus,
                             List<Consensus> omitted, List<Cited> unique) {}

  private final Params params;
  private final SentenceSplitter splitter;

  public StoryClaims(Params params, SentenceSplitter splitter) {
    this.params = params;
    this.splitter = splitter;
  }

  /**
   * The story's consensus claims, every outlet's result (outlets in the order they first appear), and the sentence
   * pairs of two outlets that {@link StoryConflicts} compares slot by slot (the best scored, bounded).
   */
  public record Result(List<Consensus> consensus, List<OutletResult> outlets,
                       List<StoryConflicts.Candidate> pairs) {}

  /** The story's claims; empty when fewer than three outlets are read. */
  public Result analyse(List<Input> articles) {
    Map<String, Integer> outletIndex = new LinkedHashMap<>();
    Map<String, List<String>> outletArticles = new LinkedHashMap<>();
    List<Input> read = new ArrayList<>();
    for (Input a : articles) {
      List<String> ids = outletArticles.computeIfAbsent(a.outlet(), k -> new ArrayList<>());
      if (ids.size() < params.maxArticles() && read.size() < MAX_STORY_ARTICLES) {
        ids.add(a.id());
        outletIndex.putIfAbsent(a.outlet(), outletIndex.size());
        read.add(a);
      }
    }
    outletArticles.values().removeIf(List::isEmpty);
    int outlets = outletIndex.size();
    if (outlets < 3) {
      return new Result(List.of(), List.of(), List.of());
    }
    LexicalSentence.Dictionary dictionary = new LexicalSentence.Dictionary();
    List<List<LexicalSentence>> byArticle = new ArrayList<>();
    List<LexicalSentence> all = new ArrayList<>();
    for (int k = 0; k < read.size(); k++) {
      Input a = read.get(k);
      List<LexicalSentence> units = new ArrayList<>();
      for (int[] s : splitter.split(a.body(), params.maxSentences())) {
        LexicalSentence u = new LexicalSentence(all.size(), k, outletIndex.get(a.outlet()),
            new Cited(a.id(), s[0], s[1], a.body().substring(s[0], s[1])), params.minWords(), dictionary);
        units.add(u);
        all.add(u);
      }
      byArticle.add(units);
    }
    // Every pair of sentences of two outlets with a content word in common scored once (others score 0).
    int n = all.size();
    float[][] score = new float[n][];
    Map<Long, List<LexicalSentence>> postings = new HashMap<>();
    boolean[] seen = new boolean[n];
    List<LexicalSentence> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      score[i] = new float[i];
      LexicalSentence a = all.get(i);
      candidates.clear();
      for (long w : a.words) {
        List<LexicalSentence> p = postings.computeIfAbsent(w, k -> new ArrayList<>());
        for (LexicalSentence b : p) {
          if (!seen[b.index] && b.outlet != a.outlet) {
            seen[b.index] = true;
            candidates.add(b);
          }
        }
        p.add(a);
      }
      for (LexicalSentence b : candidates) {
        seen[b.index] = false;
        score[i][b.index] = (float) LexicalSentence.score(a, b);
      }
    }
    // Links: mutual best across articles of different outlets, at the link score.
    record Edge(int a, int b, double score) {}
    List<Edge> edges = new ArrayList<>();
    List<Edge> pairs = new ArrayList<>();
    for (int x = 0; x < read.size(); x++) {
      for (int y = x + 1; y < read.size(); y++) {
        if (read.get(x).outlet().equals(read.get(y).outlet())) {
          continue;
        }
        for (LexicalSentence u : byArticle.get(x)) {
          if (!u.claim) {
            continue;
          }
          LexicalSentence best = best(u, byArticle.get(y), score);
          if (best != null && best(best, byArticle.get(x), score) == u) {
            double sc = at(score, u, best);
            if (LexicalSentence.common(u.words, best.words) >= params.minCommon()) {
              if (sc >= params.link()) {
                edges.add(new Edge(u.index, best.index, sc));
              }
              if (StoryConflicts.pairs(sc)) {
                pairs.add(new Edge(u.index, best.index, sc));
              }
            }
          }
        }
      }
    }
    edges.sort(Comparator.comparingDouble(Edge::score).reversed());
    int[] parent = new int[n];
    List<Set<Integer>> arts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      arts.add(new HashSet<>(Set.of(all.get(i).article)));
    }
    for (Edge e : edges) {
      int ra = find(parent, e.a());
      int rb = find(parent, e.b());
      if (ra != rb && java.util.Collections.disjoint(arts.get(ra), arts.get(rb))) {
        parent[rb] = ra;
        arts.get(ra).addAll(arts.get(rb));
      }
    }
    Map<Integer, List<LexicalSentence>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(all.get(i));
    }
    List<String> names = new ArrayList<>(outletIndex.keySet());
    List<List<LexicalSentence>> consensus = new ArrayList<>();
    for (List<LexicalSentence> g : groups.values()) {
      Set<Integer> stating = new HashSet<>();
      g.forEach(u -> stating.add(u.outlet));
      if (stating.size() >= 2 && stating.size() * 2 > outlets) {
        consensus.add(g);
      }
    }
    List<Consensus> agreed = new ArrayList<>();
    consensus.forEach(g -> agreed.add(consensusOf(g, names)));
    List<OutletResult> out = new ArrayList<>();
    for (int o = 0; o < outlets; o++) {
      List<LexicalSentence> own = new ArrayList<>();
      List<LexicalSentence> others = new ArrayList<>();
      for (LexicalSentence u : all) {
        (u.outlet == o ? own : others).add(u);
      }
      List<Consensus> omitted = new ArrayList<>();
      for (List<LexicalSentence> g : consensus) {
        if (!states(own, g, score)) {
          omitted.add(consensusOf(g, names));
        }
      }
      List<Cited> unique = new ArrayList<>();
      int claims = 0;
      for (LexicalSentence u : own) {
        if (!u.claim) {
          continue;
        }
        claims++;
        if (!sharedWith(u, others, score)) {
          unique.add(u.cited);
        }
      }
      out.add(new OutletResult(names.get(o), outletArticles.get(names.get(o)), claims, consensus.size(), omitted,
          unique));
    }
    pairs.sort(Comparator.comparingDouble(Edge::score).reversed());
    List<StoryConflicts.Candidate> compared = new ArrayList<>();
    Map<Integer, List<org.parallax.model.Span>> quotes = new HashMap<>();
    for (Edge e : pairs.subList(0, Math.min(StoryConflicts.MAX_PAIRS, pairs.size()))) {
      compared.add(new StoryConflicts.Candidate(side(all.get(e.a()), read, quotes),
          side(all.get(e.b()), read, quotes), e.score()));
    }
    return new Result(agreed, out, compared);
  }

  /** A sentence of a pair with its outlet and the quotations over it (its article's found once per story). */
  private static StoryConflicts.Side side(LexicalSentence u, List<Input> read,
                                          Map<Integer, List<org.parallax.model.Span>> quotes) {
    Input a = read.get(u.article);
    List<org.parallax.model.Span> q = quotes.computeIfAbsent(u.article, k -> OutletLanguage.quotations(a.body()));
    return new StoryConflicts.Side(u.cited, a.outlet(), StoryConflicts.quotesOver(q, u.cited));
  }

  private static double at(float[][] score, LexicalSentence a, LexicalSentence b) {
    return a.index > b.index ? score[a.index][b.index] : score[b.index][a.index];
  }

  private static Consensus consensusOf(List<LexicalSentence> g, List<String> names) {
    List<Cited> sentences = new ArrayList<>();
    Set<String> outlets = new LinkedHashSet<>();
    for (LexicalSentence u : g) {
      sentences.add(u.cited);
      outlets.add(names.get(u.outlet));
    }
    return new Consensus(sentences, new ArrayList<>(outlets));
  }

  /** Whether any of {@code own} states the claim: a member, or a sentence at the present score with one. */
  private boolean states(List<LexicalSentence> own, List<LexicalSentence> group, float[][] score) {
    for (LexicalSentence m : group) {
      for (LexicalSentence u : own) {
        if (u == m || at(score, u, m) >= params.present()) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean sharedWith(LexicalSentence u, List<LexicalSentence> others, float[][] score) {
    for (LexicalSentence v : others) {
      if (at(score, u, v) >= params.present()) {
        return true;
      }
    }
    return false;
  }

  private static LexicalSentence best(LexicalSentence u, List<LexicalSentence> in, float[][] score) {
    LexicalSentence best = null;
    double bestScore = 0;
    for (LexicalSentence v : in) {
      if (!v.claim) {
        continue;
      }
      double s = at(score, u, v);
      if (s > bestScore) {
        bestScore = s;
        best = v;
      }
    }
    return best;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The results keyed by outlet (for callers that look one up). */
  public static Map<String, OutletResult> byOutlet(List<OutletResult> results) {
    Map<String, OutletResult> out = new HashMap<>();
    results.forEach(r -> out.put(r.outlet(), r));
    return out;
  }
}
