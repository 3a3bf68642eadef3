package org.parallax.report;

import java.util.List;
import java.util.Locale;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Quote;
import org.parallax.model.Speaker;
import org.parallax.model.Report;
import org.parallax.model.Reuse;
import org.parallax.model.SummarySentence;

/** A readable terminal summary of a report. */
public final class TextReport {
  public String render(Report r) {
    StringBuilder s = new StringBuilder();
    s.append("PARALLAX — ").append(r.articles().size()).append(" articles\n");
    for (ArticleReport a : r.articles()) {
      s.append(String.format(Locale.ROOT, "  %-22s %-26s %s%n", clip(a.id(), 22), clip(a.outlet(), 26),
          clip(a.title(), 70)));
      if (a.outletIdentity() != null && a.outletIdentity().original() != null) {
        // A translation or republication: the outlet that first published it, as the text itself states.
        s.append("  ").append(" ".repeat(23)).append("original source: ").append(a.outletIdentity().original())
            .append(" (“").append(clip(a.outletIdentity().originalEvidence(), 60)).append("”)\n");
      }
    }
    s.append("\nNEUTRAL SUMMARY\n");
    int i = 1;
    for (SummarySentence x : r.summary()) {
      s.append("  ").append(i++).append(". ").append(x.sentence()).append(" [").append(String.join(", ",
          x.articles())).append("]\n");
    }
    List<ClaimGroup> consensus = r.claims().stream().filter(g -> g.status() == ClaimStatus.CONSENSUS).toList();
    long partial = r.claims().stream().filter(g -> g.status() == ClaimStatus.PARTIAL).count();
    long unique = r.claims().stream().filter(g -> g.status() == ClaimStatus.UNIQUE).count();
    s.append("\nCLAIMS: ").append(consensus.size()).append(" consensus, ").append(partial).append(" partial, ")
        .append(unique).append(" unique\n");
    for (ClaimGroup g : consensus) {
      s.append("  * ").append(clip(g.text(), 110)).append(" [").append(String.join(", ", g.articles()))
          .append("; ").append(ClaimMatrix.sourcesLine(g)).append("]\n");
    }
    long shown = r.conflicts().stream().filter(Conflict::shown).count();
    s.append("\nCONFLICTS: ").append(shown).append(shown < r.conflicts().size()
        ? " (and " + (r.conflicts().size() - shown) + " possible)" : "").append('\n');
    for (Conflict c : r.conflicts()) {
      s.append(c.shown() ? "  ! " : "  ? ").append(c.kind()).append(" (").append(c.slot()).append(", confidence ")
          .append(String.format(Locale.ROOT, "%.2f", c.confidence())).append("): ").append(c.reason()).append('\n');
      for (Evidence e : c.statements()) {
        s.append("      ").append(e.article()).append(": ").append(clip(e.sentence(), 100)).append('\n');
      }
    }
    s.append("\nQUOTES: ").append(r.quotes().size()).append('\n');
    for (Quote q : r.quotes()) {
      s.append("  ").append(q.article()).append(": ").append(q.speaker() == null ? "(unattributed)" : q.speaker());
      if (q.role() != null) {
        s.append(", ").append(q.role());
      }
      if (q.side() != null) {
        s.append(" [").append(q.side()).append(']');
      }
      s.append(": “").append(clip(q.text(), 70)).append("”\n");
    }
    s.append("\nSPEAKERS: ").append(r.speakers().size()).append('\n');
    for (Speaker sp : r.speakers()) {
      s.append("  ").append(sp.name()).append(" [").append(sp.side() == null ? "unknown" : sp.side()).append(']');
      if (sp.evidence() != null) {
        s.append(" from “").append(sp.evidence()).append("” (").append(sp.evidenceArticle()).append(')');
      }
      s.append(", ").append(sp.quotes()).append(sp.quotes() == 1 ? " quote" : " quotes").append('\n');
    }
    s.append("\nREUSE (closest pairs)\n");
    r.reuse().stream().limit(5).forEach((Reuse u) -> s.append(String.format(Locale.ROOT,
        "  %s ↔ %s: %.0f%% shared, %.0f%% verbatim%n", u.a(), u.b(), u.similarity() * 100, u.lexical() * 100)));
    s.append("\nFRAMING (loaded terms per 100 words)\n");
    for (ArticleReport a : r.articles()) {
      s.append(String.format(Locale.ROOT, "  %-22s %4.1f  %s%n", clip(a.id(), 22), a.loadedLanguage().score(),
          clip(String.join(", ", a.loadedLanguage().terms()), 80)));
    }
    if (!r.skipped().isEmpty()) {
      s.append("\nSKIPPED: ").append(r.skipped().size()).append('\n');
      r.skipped().forEach(x -> s.append("  ").append(x.path()).append(": ").append(x.reason()).append('\n'));
    }
    return s.toString();
  }

  private static String clip(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
