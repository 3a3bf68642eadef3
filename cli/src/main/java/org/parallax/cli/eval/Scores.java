package org.parallax.cli.eval;

import java.util.Locale;

/** Precision, recall and F1 from counts. */
record Scores(long tp, long fp, long fn) {
  double precision() {
    return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  String line(String label) {
    return String.format(Locale.ROOT, "%-28s P %.3f  R %.3f  F1 %.4f   (tp %d, fp %d, fn %d)", label, precision(),
        recall(), f1(), tp, fp, fn);
  }
}
