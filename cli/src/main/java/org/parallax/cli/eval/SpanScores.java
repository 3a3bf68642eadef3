package org.parallax.cli.eval;

import java.util.List;
import java.util.Locale;
import org.parallax.model.LoadedTerm;

/**
 * Span counts of loaded-language predictions against PTC gold, under two rules. Overlap (the metric this eval has
 * always printed): a prediction is right when it overlaps a gold span; a gold span is missed when no prediction
 * overlaps it. Strict (issue 15): a prediction matches a gold span when one contains the other and the shorter is at
 * least half the longer; precision counts matched predictions, recall matched gold spans.
 */
public final class SpanScores {
  private final long[] overlap = new long[3]; // right predictions, wrong predictions, missed gold
  private final long[] strict = new long[4]; // matched predictions, predictions, matched gold, gold

  public void add(List<PtcCorpus.Gold> gold, List<LoadedTerm> pred) {
    for (LoadedTerm t : pred) {
      overlap[gold.stream().anyMatch(g -> t.start() < g.end() && g.start() < t.end()) ? 0 : 1]++;
      strict[0] += gold.stream().anyMatch(g -> strictMatch(t.start(), t.end(), g.start(), g.end())) ? 1 : 0;
      strict[1]++;
    }
    for (PtcCorpus.Gold g : gold) {
      overlap[2] += pred.stream().anyMatch(t -> t.start() < g.end() && g.start() < t.end()) ? 0 : 1;
      strict[2] += pred.stream().anyMatch(t -> strictMatch(t.start(), t.end(), g.start(), g.end())) ? 1 : 0;
      strict[3]++;
    }
  }

  /** One span inside the other (or equal), the shorter at least half as long as the longer. */
  public static boolean strictMatch(int ps, int pe, int gs, int ge) {
    boolean nested = (ps <= gs && ge <= pe) || (gs <= ps && pe <= ge);
    int shorter = Math.min(pe - ps, ge - gs);
    int longer = Math.max(pe - ps, ge - gs);
    return nested && 2 * shorter >= longer;
  }

  public double overlapF1() {
    return new Scores(overlap[0], overlap[1], overlap[2]).f1();
  }

  public double strictF1() {
    double p = strictPrecision();
    double r = strictRecall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private double strictPrecision() {
    return strict[1] == 0 ? 0 : strict[0] / (double) strict[1];
  }

  private double strictRecall() {
    return strict[3] == 0 ? 0 : strict[2] / (double) strict[3];
  }

  public String overlapLine(String label) {
    return new Scores(overlap[0], overlap[1], overlap[2]).line(label + ", overlap");
  }

  public String strictLine(String label) {
    return String.format(Locale.ROOT, "%-28s P %.3f  R %.3f  F1 %.4f   (predictions %d of %d, gold %d of %d)",
        label + ", strict", strictPrecision(), strictRecall(), strictF1(), strict[0], strict[1], strict[2], strict[3]);
  }
}
