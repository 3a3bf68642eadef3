package org.parallax.report;

import java.util.ArrayList;
import java.util.List;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Report;

/**
 * The claims × articles matrix of a report: for every claim stated by two or more outlets, what each article does
 * with it (states it, states it in conflict with another outlet, or is silent) and the sentence that shows it.
 * Shared by the static HTML report and the web interface so both read a cell the same way.
 */
public record ClaimMatrix(List<ArticleReport> columns, List<Row> rows) {
  /** What one article does with one claim. */
  public enum Mark {
    AGREE("✔"), CONFLICT("✖"), SILENT("—");

    private final String symbol;

    Mark(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One cell; {@code evidence} is null when the article is silent. */
  public record Cell(String article, Mark mark, Evidence evidence) {}

  /** One claim with a cell per article, in column order. */
  public record Row(ClaimGroup claim, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  public ClaimMatrix {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The matrix over the report's claims stated by two or more articles (copies of one text included). */
  public static ClaimMatrix of(Report r) {
    List<Row> rows = new ArrayList<>();
    for (ClaimGroup g : r.claims()) {
      if (g.articles().size() < 2) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (ArticleReport a : r.articles()) {
        cells.add(cell(r, g, a.id()));
      }
      rows.add(new Row(g, cells));
    }
    return new ClaimMatrix(r.articles(), rows);
  }

  /** "4 outlets, 3 independent — b rewrites a" for a claim; "2 outlets" when all are independent. */
  public static String sourcesLine(ClaimGroup g) {
    StringBuilder s = new StringBuilder().append(g.articles().size()).append(" outlets");
    if (g.independent() != g.articles().size()) {
      s.append(", ").append(g.independent()).append(" independent — ");
      List<String> notes = new ArrayList<>();
      for (ClaimGroup.CopyNote c : g.copies()) {
        notes.add(c.directed() ? c.article() + " " + (c.kind().equals("rewrite") ? "rewrites " : "copies ") + c.of()
            : c.article() + " and " + c.of() + " share one text");
      }
      s.append(String.join("; ", notes));
    }
    return s.toString();
  }

  private static Cell cell(Report r, ClaimGroup g, String article) {
    Evidence ev = g.evidence().stream().filter(e -> e.article().equals(article)).findFirst().orElse(null);
    if (ev == null) {
      Evidence against = conflictingStatement(r, g, article);
      return against != null ? new Cell(article, Mark.CONFLICT, against) : new Cell(article, Mark.SILENT, null);
    }
    return new Cell(article, inConflict(r, ev) ? Mark.CONFLICT : Mark.AGREE, ev);
  }

  /** A statement of {@code article} in a conflict that involves this claim, when the article states it otherwise. */
  private static Evidence conflictingStatement(Report r, ClaimGroup g, String article) {
    for (Conflict c : r.conflicts()) {
      if (!c.shown()) {
        continue;
      }
      boolean involvesGroup = c.statements().stream().anyMatch(s -> g.evidence().stream()
          .anyMatch(e -> e.article().equals(s.article()) && e.index() == s.index()));
      if (involvesGroup) {
        for (Evidence s : c.statements()) {
          if (s.article().equals(article)) {
            return s;
          }
        }
      }
    }
    return null;
  }

  private static boolean inConflict(Report r, Evidence ev) {
    for (Conflict c : r.conflicts()) {
      if (!c.shown()) {
        continue;
      }
      for (Evidence s : c.statements()) {
        if (s.article().equals(ev.article()) && s.index() == ev.index()) {
          return true;
        }
      }
    }
    return false;
  }
}
