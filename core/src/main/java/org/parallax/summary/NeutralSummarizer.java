package org.parallax.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parallax.align.ClaimAligner;
import org.parallax.align.ClaimVectors;
import org.parallax.align.Independence;
import org.parallax.align.Words;
import org.parallax.model.AnalyzedArticle;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.LoadedTerm;
import org.parallax.model.SummarySentence;

/**
 * An editor's extractive summary. It states what independent sources agree on, widest agreement first and the lead's
 * facts before later ones, in the clearest original wording of each claim: a complete declarative sentence of plain
 * length, no quotation, no first or second person, fewest loaded terms, and never the wording of an article that
 * copies or rewrites another one of the story (a spun rewrite garbles its source). Contested claims are left to the
 * conflicts section. It stays short (a sentence and a word budget) and keeps every citation. Where agreed claims are
 * few, the sentences most central across the articles (by similarity to the other articles' sentences) stand in,
 * citing the articles that say something close, so that two articles that share anything never
 * get an empty summary; they also fill a summary shorter than its minimum length.
 */
public final class NeutralSummarizer {
  private static final Pattern QUOTE = Pattern.compile("[“”\"«»]");
  private static final Pattern PERSON = Pattern.compile("\\b(I|we|We|our|Our|you|You|my|My)\\b");
  private static final Pattern COMPLETE = Pattern.compile("^[\\p{Lu}\\d(].*[.!]$");
  private static final double REDUNDANT = 0.75;
  /** Sentences that lean on the previous one ("However, …") read badly out of context. */
  private static final Pattern CONNECTIVE = Pattern.compile(
      "^(However|But|And|Also|Meanwhile|Still|Yet|So|Instead|Moreover|Furthermore|Nevertheless|In response|Then|"
          + "He|She|It|They|This|That|These|Those|His|Her|Its|Their)\\b");
  /** Similarity (embedding or shared content words) from which another article's sentence is close enough to cite. */
  private static final double CLOSE = 0.4;
  /** Sentences of each article considered to fill the summary: its lead. */
  private static final int CANDIDATE_SENTENCES = 15;
  private final int maxSentences;
  private final int minWords;
  private final int maxWords;

  public NeutralSummarizer(int maxSentences) {
    this(maxSentences, 50, 90);
  }

  /** At most {@code maxSentences} and about {@code maxWords}; filled with central sentences up to {@code minWords}. */
  public NeutralSummarizer(int maxSentences, int minWords, int maxWords) {
    this.maxSentences = maxSentences;
    this.minWords = minWords;
    this.maxWords = maxWords;
  }

  public List<SummarySentence> summarize(ClaimAligner.Alignment alignment, ClaimVectors vectors,
                                         Map<String, AnalyzedArticle> articles, Independence independence,
                                         Set<String> contested) {
    // Wording to avoid: copies counted under another article, and rewrites (a spun copy garbles its source).
    Set<String> copies = new HashSet<>(independence.reworded());
    independence.copies(new ArrayList<>(articles.keySet())).forEach(c -> copies.add(c.article()));
    List<ClaimGroup> shared = alignment.groups().stream()
        .filter(g -> g.independent() >= 2 && !contested.contains(g.id()))
        .sorted(Comparator.comparingInt((ClaimGroup g) -> -g.independent())
            .thenComparingDouble(g -> meanPosition(alignment.members().get(g))))
        .toList();
    List<SummarySentence> out = new ArrayList<>();
    List<Claim> chosen = new ArrayList<>();
    int words = 0;
    for (ClaimGroup g : shared) {
      if (out.size() >= maxSentences || words >= maxWords) {
        break;
      }
      Claim best = pick(alignment.members().get(g), vectors, articles, copies);
      if (best == null || redundant(best, chosen, vectors)) {
        continue;
      }
      chosen.add(best);
      words += wordCount(best.text());
      out.add(new SummarySentence(best.text(), g.articles()));
    }
    if (articles.size() > 1 && words < minWords && out.size() < maxSentences) {
      fill(out, chosen, words, alignment, vectors, articles, copies, c -> usable(c, articles));
    }
    if (articles.size() > 1 && out.isEmpty()) {
      // Every sentence is long, unfinished or loaded: the most central one is still better than no summary.
      fill(out, chosen, words, alignment, vectors, articles, copies, c -> !PERSON.matcher(c.text()).find());
    }
    if (out.isEmpty() && articles.size() == 1) {
      for (ClaimGroup g : alignment.groups()) {
        if (out.size() >= 3 || g.status() != ClaimStatus.UNIQUE) {
          continue;
        }
        Claim best = pick(alignment.members().get(g), vectors, articles, copies);
        if (best != null) {
          out.add(new SummarySentence(best.text(), g.articles()));
        }
      }
    }
    return out;
  }

  /**
   * Fills a short summary up to its minimum length with the sentences most central across the articles: the sum,
   * over the other articles, of the closest sentence there (embedding similarity, or the share of content words in
   * common where the sentence was not embedded), the lead first among equals. Each cites its article and those that
   * have a close sentence; one that no other article comes close to is not used.
   */
  private void fill(List<SummarySentence> out, List<Claim> chosen, int words, ClaimAligner.Alignment alignment,
                    ClaimVectors vectors, Map<String, AnalyzedArticle> articles, Set<String> copies,
                    java.util.function.Predicate<Claim> eligible) {
    List<Claim> all = new ArrayList<>();
    alignment.members().values().forEach(all::addAll);
    all.sort(Comparator.comparing(Claim::article).thenComparingInt(Claim::sentence));
    Map<Claim, Set<String>> content = new java.util.IdentityHashMap<>();
    all.forEach(c -> content.put(c, Words.content(c.text())));
    record Scored(Claim claim, double score, List<String> cites) {}
    List<Scored> scored = new ArrayList<>();
    for (Claim c : all) {
      // Leads carry the core of an event: only each article's first claims are candidates, which bounds the cost.
      if (c.sentence() >= CANDIDATE_SENTENCES || !eligible.test(c)) {
        continue;
      }
      double score = 0;
      Set<String> cites = new LinkedHashSet<>(List.of(c.article()));
      for (String other : articles.keySet()) {
        if (other.equals(c.article())) {
          continue;
        }
        double best = 0;
        for (Claim d : all) {
          if (d.article().equals(other)) {
            best = Math.max(best, Math.max(vectors.similarity(c, d), Words.overlap(content.get(c), content.get(d))));
          }
        }
        score += best;
        if (best >= CLOSE) {
          cites.add(other);
        }
      }
      score -= (copies.contains(c.article()) ? 1 : 0) + c.sentence() * 0.03 + (QUOTE.matcher(c.text()).find() ? 0.2 : 0);
      scored.add(new Scored(c, score, new ArrayList<>(cites)));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    if (out.isEmpty() && !scored.isEmpty() && scored.stream().noneMatch(x -> x.cites().size() >= 2)) {
      // Nothing is close across articles: the most central sentence still says what the story is about.
      Scored top = scored.get(0);
      out.add(new SummarySentence(top.claim().text(), top.cites()));
      return;
    }
    for (Scored s : scored) {
      if (out.size() >= maxSentences || words >= minWords) {
        break;
      }
      if (s.cites().size() >= 2 && !redundant(s.claim(), chosen, vectors) && chosen.stream()
          .noneMatch(d -> Words.overlap(content.get(d), content.get(s.claim())) >= 0.6)) {
        chosen.add(s.claim());
        words += wordCount(s.claim().text());
        out.add(new SummarySentence(s.claim().text(), s.cites()));
      }
    }
  }

  private static Claim pick(List<Claim> members, ClaimVectors vectors, Map<String, AnalyzedArticle> articles,
                            Set<String> copies) {
    Claim best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Claim c : members) {
      if (!plain(c, articles)) {
        continue;
      }
      double centrality = 0;
      for (Claim d : members) {
        if (d != c) {
          centrality += vectors.similarity(c, d);
        }
      }
      double score = centrality - Math.abs(wordCount(c.text()) - 22) / 100.0 - (copies.contains(c.article()) ? 2 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /** A complete declarative sentence of plain length, without quotation, person, leaning start or loaded term. */
  private static boolean plain(Claim c, Map<String, AnalyzedArticle> articles) {
    return !QUOTE.matcher(c.text()).find() && usable(c, articles);
  }

  /** As {@link #plain}, but a quoted phrase inside the outlet's own sentence ("began a “blockade”") is allowed. */
  private static boolean usable(Claim c, Map<String, AnalyzedArticle> articles) {
    int words = wordCount(c.text());
    return words >= 8 && words <= 40 && COMPLETE.matcher(c.text()).matches() && !PERSON.matcher(c.text()).find()
        && !CONNECTIVE.matcher(c.text()).find() && !loaded(c, articles);
  }

  private static int wordCount(String s) {
    return s.split("\\s+").length;
  }

  private static double meanPosition(List<Claim> c) {
    double s = 0;
    for (Claim claim : c) {
      s += claim.sentence();
    }
    return s / c.size();
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
