package org.parallax.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embeddings of the claims that need one, computed once per distinct sentence text (copies repeat sentences).
 * Embedding sets the pipeline's pace, so a claim is embedded only when some sentence of another article shares
 * enough content words with it: {@code minSharedWords}, where a shared name or number (capitalised inside the
 * sentence, or digits) counts one extra. Words compare by their first five letters, so "anchor" meets "anchored".
 * Without such a partner a claim is taken as stated by no other outlet and its similarity to everything as 0. This
 * lexical gate is a heuristic; how many aligned pairs it keeps, and what it saves, is measured in BENCHMARKS.md.
 */
public final class ClaimVectors {
  private static final Set<String> STOP = Set.of("the", "and", "that", "with", "from", "have", "this", "said",
      "which", "their", "they", "will", "would", "been", "were", "about", "after", "also", "into", "more", "than",
      "there", "when", "what", "said,", "says", "could", "other", "some", "them", "over", "only", "just", "like");
  private final Map<String, float[]> byText = new HashMap<>();
  private final int total;

  public ClaimVectors(List<org.parallax.model.Claim> claims, Embedder embedder) {
    this(claims, embedder, 0);
  }

  public ClaimVectors(List<org.parallax.model.Claim> claims, Embedder embedder, int minSharedWords) {
    total = claims.size();
    boolean[] needed = minSharedWords <= 0 ? all(claims.size()) : gate(claims, minSharedWords);
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      if (needed[i]) {
        distinct.add(claims.get(i).text());
      }
    }
    List<String> texts = List.copyOf(distinct);
    float[][] v = embedder.embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      byText.put(texts.get(i), v[i]);
    }
  }

  private static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  private static boolean[] gate(List<org.parallax.model.Claim> claims, int minShared) {
    List<Set<String>> words = new ArrayList<>(claims.size());
    List<Set<String>> strong = new ArrayList<>(claims.size());
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      Set<String> w = contentWords(claims.get(i).text());
      words.add(w);
      strong.add(namesAndNumbers(claims.get(i).text()));
      for (String x : w) {
        index.computeIfAbsent(x, k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] needed = new boolean[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      if (needed[i]) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      String article = claims.get(i).article();
      for (String x : words.get(i)) {
        boolean name = strong.get(i).contains(x);
        for (int j : index.get(x)) {
          if (claims.get(j).article().equals(article)) {
            continue;
          }
          int bonus = name && strong.get(j).contains(x) ? 2 : 1;
          if (shared.merge(j, bonus, Integer::sum) >= minShared) {
            needed[i] = true;
            needed[j] = true;
          }
        }
      }
    }
    return needed;
  }

  static Set<String> contentWords(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if ((w.length() >= 4 || w.chars().allMatch(Character::isDigit) && !w.isEmpty()) && !STOP.contains(w)) {
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return out;
  }

  /** Content words that are names or numbers: capitalised after the first word, or digits. */
  static Set<String> namesAndNumbers(String text) {
    Set<String> out = new HashSet<>();
    String[] w = text.split("[^\\p{L}\\p{N}]+");
    for (int i = 0; i < w.length; i++) {
      String x = w[i];
      if (x.isEmpty()) {
        continue;
      }
      boolean number = x.chars().allMatch(Character::isDigit);
      boolean name = i > 0 && Character.isUpperCase(x.charAt(0)) && x.length() >= 4;
      if (number || name) {
        String k = x.toLowerCase(Locale.ROOT);
        out.add(k.length() > 5 ? k.substring(0, 5) : k);
      }
    }
    return out;
  }

  public float[] of(org.parallax.model.Claim c) {
    return byText.get(c.text());
  }

  /** Cosine similarity; 1 for identical text, 0 when either claim was gated out. */
  public double similarity(org.parallax.model.Claim a, org.parallax.model.Claim b) {
    if (a.text().equals(b.text())) {
      return 1.0;
    }
    float[] va = of(a);
    float[] vb = of(b);
    return va == null || vb == null ? 0 : Embedder.cosine(va, vb);
  }

  /** Distinct sentences embedded, and claims considered. */
  public int embedded() {
    return byText.size();
  }

  public int claims() {
    return total;
  }
}
