package org.parallax.cli.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Report;
import picocli.CommandLine.Command;

/**
 * Shared-claim alignment against our gold stories. Precision: a multi-outlet claim of the report is right when every
 * one of its evidence sentences states one same gold claim. Recall: a gold claim is found when some claim of the
 * report has evidence stating it in two or more of its articles.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
    description = "Shared-claim alignment: precision and recall on our annotated stories (eval/triangulation).")
public final class ClaimAlignmentEval extends TriangulationEval {
  @Override
  void score(List<TriangulationGold.Story> stories, List<Report> reports, PrintWriter out) {
    long right = 0;
    long wrong = 0;
    long found = 0;
    long gold = 0;
    long pairsRight = 0;
    long pairs = 0;
    for (int i = 0; i < stories.size(); i++) {
      TriangulationGold.Story s = stories.get(i);
      List<ClaimGroup> groups = multiOutlet(reports.get(i));
      boolean header = false;
      for (ClaimGroup g : groups) {
        List<Placed> placed = place(s, g.evidence());
        TriangulationGold.Item hit = coveringAll(placed, s.claims());
        if (hit != null) {
          right++;
        } else {
          wrong++;
          if (show) {
            header = header(out, s, header);
            out.println("  WRONG " + g.id() + ":");
            placed.forEach(p -> out.println("      [" + p.article() + "] " + p.text()));
          }
        }
        for (int a = 0; a < placed.size(); a++) {
          for (int b = a + 1; b < placed.size(); b++) {
            pairs++;
            if (coveringAll(List.of(placed.get(a), placed.get(b)), s.claims()) != null) {
              pairsRight++;
            }
          }
        }
      }
      for (TriangulationGold.Item c : s.claims()) {
        gold++;
        boolean hit = false;
        for (ClaimGroup g : groups) {
          hit |= articlesStating(place(s, g.evidence()), c).size() >= 2;
        }
        if (hit) {
          found++;
        } else if (show) {
          header = header(out, s, header);
          out.println("  MISSED:");
          c.spans().forEach(sp -> out.println("      " + spanText(s, sp)));
        }
      }
    }
    out.printf(Locale.ROOT, "multi-outlet claims reported: %d, right %d: precision %.3f%n", right + wrong, right,
        ratio(right, right + wrong));
    out.printf(Locale.ROOT, "sentence pairs within them: %d, right %d: pair precision %.3f%n", pairs, pairsRight,
        ratio(pairsRight, pairs));
    out.printf(Locale.ROOT, "gold shared claims: %d, found %d: recall %.3f%n", gold, found, ratio(found, gold));
  }

  static boolean header(PrintWriter out, TriangulationGold.Story s, boolean done) {
    if (!done) {
      out.println("== " + s.id());
    }
    return true;
  }

  static double ratio(long a, long b) {
    return b == 0 ? 0 : a / (double) b;
  }
}
