package org.parallax.cli.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parallax.cli.eval.PtcCorpus;
import org.parallax.cli.eval.SpanScores;
import org.parallax.encode.EncodedWords;
import org.parallax.framing.LoadedTagger;
import org.parallax.framing.TaggerHead;
import org.parallax.model.LoadedTerm;

/** Feature rows and word labels of PTC articles, and span scores of a head on them. */
public final class TaggerData {
  private TaggerData() {}

  /** A word's class: the technique of a gold span it overlaps (loaded language first), else none (0). */
  static int label(int start, int end, List<PtcCorpus.Gold> gold) {
    int c = 0;
    for (PtcCorpus.Gold g : gold) {
      if (start < g.end() && g.start() < end) {
        int k = g.technique().equals("loaded") ? 1 : 2;
        c = c == 0 ? k : Math.min(c, k);
      }
    }
    return c;
  }

  /** Appends every word of the articles to rows and labels. */
  static void rows(List<PtcCorpus.Article> articles, Map<String, List<EncodedWords>> words, LoadedTagger tagger,
                   List<float[]> rows, List<Integer> labels) {
    for (PtcCorpus.Article a : articles) {
      List<EncodedWords> w = words.get(a.id());
      float[][][] x = tagger.features(a.text(), w);
      for (int s = 0; s < w.size(); s++) {
        for (int i = 0; i < w.get(s).size(); i++) {
          rows.add(x[s][i]);
          labels.add(label(w.get(s).starts()[i], w.get(s).ends()[i], a.gold()));
        }
      }
    }
  }

  /** Per article, the head's class probabilities per word (computed once, decoded under many settings). */
  public static List<double[][][]> probabilities(List<PtcCorpus.Article> articles,
                                                 Map<String, List<EncodedWords>> words, LoadedTagger tagger,
                                                 TaggerHead head) {
    List<double[][][]> out = new ArrayList<>();
    for (PtcCorpus.Article a : articles) {
      out.add(LoadedTagger.probabilities(tagger.features(a.text(), words.get(a.id())), head));
    }
    return out;
  }

  /** Span scores of the decoded predictions (nothing skipped: PTC labels quotations too). */
  public static SpanScores score(List<PtcCorpus.Article> articles, Map<String, List<EncodedWords>> words,
                                 List<double[][][]> p, double threshold, int gap) {
    SpanScores scores = new SpanScores();
    for (int i = 0; i < articles.size(); i++) {
      PtcCorpus.Article a = articles.get(i);
      List<LoadedTerm> pred = LoadedTagger.spans(a.text(), words.get(a.id()), p.get(i), List.of(), threshold, gap)
          .spans();
      scores.add(a.gold(), pred);
    }
    return scores;
  }
}
