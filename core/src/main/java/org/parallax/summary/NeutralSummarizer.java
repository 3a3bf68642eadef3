package org.parallax.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.parallax.align.ClaimAligner;
import org.parallax.align.ClaimVectors;
import org.parallax.model.AnalyzedArticle;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Reuse;
import org.parallax.model.SummarySentence;

/**
 * Extractive neutral summary: takes uncontested claim groups in order of agreement (consensus, then partial), and for each the
 * wording from any outlet that has no loaded term, no quotation, no first or second person and a plain length; skips
 * groups too close to a sentence already chosen. Every sentence cites all articles of its group.
 */
public final class NeutralSummarizer {
  private static final Pattern QUOTE_OR_PERSON = Pattern.compile("[“”\"«»]|\\b(I|we|We|our|Our|you|You|my|My)\\b");
  private static final double REDUNDANT = 0.75;
  /** Sentences that lean on the previous one ("However, …") read badly out of context. */
  private static final Pattern CONNECTIVE = Pattern.compile(
      "^(However|But|And|Also|Meanwhile|Still|Yet|So|Instead|Moreover|Furthermore|Nevertheless|In response|Then)\\b");
  private final int maxSentences;

  public NeutralSummarizer(int maxSentences) {
    this.maxSentences = maxSentences;
  }

  public List<SummarySentence> summarize(ClaimAligner.Alignment alignment, ClaimVectors vectors,
                                         Map<String, AnalyzedArticle> articles, List<Reuse> reuse,
                                         java.util.Set<String> contested) {
    List<SummarySentence> out = new ArrayList<>();
    List<Claim> chosen = new ArrayList<>();
    boolean crossSource = articles.size() > 1;
    for (ClaimStatus wanted : new ClaimStatus[] {ClaimStatus.CONSENSUS, ClaimStatus.PARTIAL, ClaimStatus.UNIQUE}) {
      if (wanted == ClaimStatus.UNIQUE && crossSource && !out.isEmpty()) {
        break; // facts from one outlet alone do not make a neutral summary of several
      }
      for (ClaimGroup g : alignment.groups()) {
        if (out.size() >= maxSentences) {
          return out;
        }
        if (g.status() != wanted || (wanted == ClaimStatus.UNIQUE && out.size() >= 3) || contested.contains(g.id())) {
          continue; // a contested claim is reported under conflicts, not stated as fact
        }
        if (wanted == ClaimStatus.PARTIAL && independentSources(g.articles(), reuse) < 2) {
          continue; // two copies of one wire story are one source, not agreement
        }
        Claim best = pick(alignment.members().get(g), vectors, articles);
        if (best == null || redundant(best, chosen, vectors)) {
          continue;
        }
        chosen.add(best);
        out.add(new SummarySentence(best.text(), g.articles()));
      }
    }
    return out;
  }

  /** Articles of a group, counting those linked by a rewrite or near-duplicate relation as one source. */
  static int independentSources(List<String> ids, List<Reuse> reuse) {
    Map<String, String> root = new java.util.HashMap<>();
    for (String id : ids) {
      root.put(id, id);
    }
    for (Reuse u : reuse) {
      if ((u.kind().equals("rewrite") || u.kind().equals("near-duplicate")) && root.containsKey(u.a())
          && root.containsKey(u.b())) {
        String ra = find(root, u.a());
        String rb = find(root, u.b());
        if (!ra.equals(rb)) {
          root.put(rb, ra);
        }
      }
    }
    return (int) ids.stream().map(id -> find(root, id)).distinct().count();
  }

  private static String find(Map<String, String> root, String id) {
    while (!root.get(id).equals(id)) {
      id = root.get(id);
    }
    return id;
  }

  private static Claim pick(List<Claim> members, ClaimVectors vectors, Map<String, AnalyzedArticle> articles) {
    Claim best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Claim c : members) {
      int words = c.text().split("\\s+").length;
      if (words < 8 || words > 40 || QUOTE_OR_PERSON.matcher(c.text()).find() || loaded(c, articles)) {
        continue;
      }
      double centrality = 0;
      for (Claim d : members) {
        if (d != c) {
          centrality += vectors.similarity(c, d);
        }
      }
      double score = centrality - Math.abs(words - 22) / 100.0
          - (CONNECTIVE.matcher(c.text()).find() ? 0.5 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private static boolean loaded(Claim c, Map<String, AnalyzedArticle> articles) {
    AnalyzedArticle a = articles.get(c.article());
    if (a == null || a.loaded() == null) {
      return false;
    }
    for (LoadedTerm t : a.loaded().spans()) {
      if (t.start() < c.span().end() && c.span().start() < t.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean redundant(Claim c, List<Claim> chosen, ClaimVectors vectors) {
    for (Claim d : chosen) {
      if (vectors.similarity(c, d) >= REDUNDANT) {
        return true;
      }
    }
    return false;
  }
}
