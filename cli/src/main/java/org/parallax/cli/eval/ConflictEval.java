package org.parallax.cli.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.parallax.model.Conflict;
import org.parallax.model.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Conflicts against our gold stories. A conflict the report shows (not the "possible" ones) is right when its
 * statements state both sides of one gold conflict, in two different articles; a gold conflict is found when some
 * shown conflict does so. False alarms: shown conflicts in stories whose gold has none, per such story.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
    description = "Conflicts: precision, recall and false alarms per conflict-free story on our annotated stories.")
public final class ConflictEval extends TriangulationEval {
  @Option(names = "--possible", description = "Also count the low-confidence \"possible\" conflicts.")
  boolean possible;

  @Override
  void score(List<TriangulationGold.Story> stories, List<Report> reports, PrintWriter out) {
    long right = 0;
    long wrong = 0;
    long gold = 0;
    long found = 0;
    long free = 0;
    long alarms = 0;
    for (int i = 0; i < stories.size(); i++) {
      TriangulationGold.Story s = stories.get(i);
      List<Conflict> cs = possible ? reports.get(i).conflicts() : shown(reports.get(i));
      boolean header = false;
      if (s.conflicts().isEmpty()) {
        free++;
        alarms += cs.size();
      }
      for (Conflict c : cs) {
        List<Placed> placed = place(s, c.statements());
        boolean hit = false;
        for (TriangulationGold.Item g : s.conflicts()) {
          hit |= articlesStating(placed, g).size() >= 2;
        }
        if (hit) {
          right++;
        } else {
          wrong++;
        }
        if (show) {
          header = ClaimAlignmentEval.header(out, s, header);
          out.printf(Locale.ROOT, "  %s %s %.2f %s: %s%n", hit ? "RIGHT" : "WRONG", c.kind(), c.confidence(),
              c.topic(), c.reason());
          placed.forEach(p -> out.println("      [" + p.article() + "] " + p.text()));
        }
      }
      for (TriangulationGold.Item g : s.conflicts()) {
        gold++;
        boolean hit = false;
        for (Conflict c : cs) {
          hit |= articlesStating(place(s, c.statements()), g).size() >= 2;
        }
        if (hit) {
          found++;
        } else if (show) {
          header = ClaimAlignmentEval.header(out, s, header);
          out.println("  MISSED " + g.kind() + " (" + g.confidence() + "):");
          g.spans().forEach(sp -> out.println("      " + spanText(s, sp)));
        }
      }
    }
    out.printf(Locale.ROOT, "conflicts shown: %d, right %d: precision %.3f%n", right + wrong, right,
        ClaimAlignmentEval.ratio(right, right + wrong));
    out.printf(Locale.ROOT, "gold conflicts: %d, found %d: recall %.3f%n", gold, found,
        ClaimAlignmentEval.ratio(found, gold));
    out.printf(Locale.ROOT, "conflict-free stories: %d, conflicts shown in them: %d (%.2f per story)%n", free, alarms,
        ClaimAlignmentEval.ratio(alarms, free));
  }
}
