package org.parallax.report;

import static org.parallax.report.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Passage;
import org.parallax.model.Quote;
import org.parallax.model.Speaker;
import org.parallax.model.Removed;
import org.parallax.model.Report;
import org.parallax.model.Reuse;
import org.parallax.model.Skipped;
import org.parallax.model.SummarySentence;

/**
 * One self-contained HTML page: summary with citations, the claims × outlets matrix, conflicts, quotes by speaker,
 * framing per outlet as SVG bars, reuse pairs, and each article's clean text with its removed noise. No scripts, no
 * external assets; every piece of article text goes through {@link Html#esc}.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
      main{max-width:1100px;margin:0 auto;padding:24px}
      h1{font-size:26px;margin:0 0 4px}h2{margin-top:36px;border-bottom:2px solid #dfe3ea;padding-bottom:4px}
      .muted{color:#667085}.card{background:#fff;border:1px solid #e3e6ec;border-radius:8px;padding:14px 18px;margin:10px 0}
      ol.summary li{margin:6px 0}sup a{text-decoration:none;font-size:11px;background:#e8eefc;border-radius:3px;padding:0 4px;margin-left:2px}
      table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e3e6ec;padding:6px 8px;vertical-align:top;text-align:left}
      th{background:#eef1f6;font-weight:600;font-size:13px}td.cell{text-align:center;width:70px}
      .agree{background:#d9f2e1;color:#116b35}.conflict{background:#fde2e1;color:#a4161a}.silent{background:#f3f4f6;color:#98a2b3}
      .tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600}
      .consensus{background:#d9f2e1;color:#116b35}.partial{background:#fff1c2;color:#7a5a00}.unique{background:#e8eefc;color:#2946a3}
      blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid #9aa7bd;background:#fafbfc}
      details summary{cursor:pointer;color:#475467}.removed li{color:#98a2b3;font-size:13px}
      .body p{margin:8px 0}.loaded{background:#ffe3b3}.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
      code{font-size:12px}table.matrix td.claim{min-width:340px;width:45%}
      table.matrix th.outlet{max-width:120px;overflow-wrap:anywhere;font-size:12px}
      """;

  public String render(Report r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        .append("<title>Parallax report</title><style>").append(CSS).append("</style></head><body><main>");
    Map<String, ArticleReport> byId = new LinkedHashMap<>();
    for (ArticleReport a : r.articles()) {
      byId.put(a.id(), a);
    }
    h.append("<h1>Parallax report</h1><p class=\"muted\">").append(r.articles().size()).append(" articles from ")
        .append(outlets(r)).append(" · ").append(r.claims().size()).append(" claims · ")
        .append(r.conflicts().size()).append(" conflicts · ").append(r.quotes().size()).append(" quotes")
        .append(r.skipped().isEmpty() ? "" : " · " + r.skipped().size() + " inputs skipped").append("</p>");
    summary(h, r, byId);
    matrix(h, r, byId);
    conflicts(h, r);
    quotes(h, r);
    framing(h, r);
    reuse(h, r);
    articles(h, r);
    skipped(h, r);
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static String outlets(Report r) {
    List<String> names = new ArrayList<>();
    for (ArticleReport a : r.articles()) {
      if (!names.contains(a.outlet())) {
        names.add(a.outlet());
      }
    }
    return esc(String.join(", ", names));
  }

  private static void summary(StringBuilder h, Report r, Map<String, ArticleReport> byId) {
    h.append("<h2 id=\"summary\">Neutral summary</h2>");
    if (r.summary().isEmpty()) {
      h.append("<p class=\"muted\">No sentence qualified: no claim is shared without loaded wording.</p>");
      return;
    }
    h.append("<ol class=\"summary card\">");
    for (SummarySentence s : r.summary()) {
      h.append("<li>").append(esc(s.sentence()));
      for (String a : s.articles()) {
        h.append("<sup><a href=\"#art-").append(esc(a)).append("\" title=\"")
            .append(esc(byId.containsKey(a) ? byId.get(a).outlet() : a)).append("\">").append(esc(a))
            .append("</a></sup>");
      }
      h.append("</li>");
    }
    h.append("</ol>");
  }

  private static void matrix(StringBuilder h, Report r, Map<String, ArticleReport> byId) {
    h.append("<h2 id=\"claims\">Claims × outlets</h2><p class=\"muted\">Claims reported by two or more outlets; ")
        .append("copies and rewrites of one text count as one independent source. ")
        .append("✔ states it · ✖ states it in conflict with another outlet · — silent.</p>");
    List<ClaimGroup> shared = r.claims().stream().filter(g -> g.articles().size() >= 2).toList();
    if (shared.isEmpty()) {
      h.append("<p class=\"muted\">No claim is shared by two outlets.</p>");
    } else {
      h.append("<table class=\"matrix\"><tr><th>Claim</th>");
      for (ArticleReport a : r.articles()) {
        h.append("<th class=\"outlet\">").append(esc(a.outlet()));
        if (!a.outlet().equals(a.id())) {
          h.append("<br><span class=\"muted\">").append(esc(a.id())).append("</span>");
        }
        h.append("</th>");
      }
      h.append("</tr>");
      for (ClaimMatrix.Row row : ClaimMatrix.of(r).rows()) {
        ClaimGroup g = row.claim();
        h.append("<tr><td class=\"claim\"><span class=\"tag ").append(g.status().label()).append("\">")
            .append(g.status().label())
            .append("</span> ").append(esc(g.text())).append("<br><span class=\"muted sources\">")
            .append(esc(ClaimMatrix.sourcesLine(g))).append("</span></td>");
        for (ClaimMatrix.Cell c : row.cells()) {
          h.append("<td class=\"cell ").append(c.mark().cssClass()).append("\" title=\"")
              .append(c.evidence() == null ? "silent" : esc(c.evidence().sentence())).append("\">")
              .append(c.mark().symbol()).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</table>");
    }
    h.append("<h3>Only one outlet reports</h3>");
    for (ArticleReport a : r.articles()) {
      List<ClaimGroup> unique = r.claims().stream()
          .filter(g -> g.status() == ClaimStatus.UNIQUE && g.articles().contains(a.id())).toList();
      h.append("<details class=\"card\"><summary>").append(esc(a.outlet())).append(" (").append(esc(a.id()))
          .append("): ").append(unique.size()).append(" claims</summary><ul>");
      for (ClaimGroup g : unique) {
        h.append("<li>").append(esc(g.text())).append("</li>");
      }
      h.append("</ul></details>");
    }
    h.append("<h3>Left out</h3><ul>");
    r.coverage().forEach(c -> {
      if (!c.omitted().isEmpty()) {
        h.append("<li><b>").append(esc(c.article())).append("</b> does not report: ");
        List<String> texts = new ArrayList<>();
        for (String id : c.omitted()) {
          r.claims().stream().filter(g -> g.id().equals(id)).findFirst().ifPresent(g -> texts.add(g.text()));
        }
        h.append(esc(String.join(" · ", texts))).append("</li>");
      }
    });
    h.append("</ul>");
  }

  private static void conflicts(StringBuilder h, Report r) {
    h.append("<h2 id=\"conflicts\">Conflicts</h2>");
    List<Conflict> shown = r.conflicts().stream().filter(Conflict::shown).toList();
    List<Conflict> possible = r.conflicts().stream().filter(c -> !c.shown()).toList();
    if (shown.isEmpty()) {
      h.append("<p class=\"muted\">None found.</p>");
    }
    shown.forEach(c -> conflict(h, c));
    if (!possible.isEmpty()) {
      h.append("<details class=\"card possible\"><summary>").append(possible.size())
          .append(" possible conflict(s), lower confidence</summary>");
      possible.forEach(c -> conflict(h, c));
      h.append("</details>");
    }
  }

  private static void conflict(StringBuilder h, Conflict c) {
    h.append("<div class=\"card conflict-card\"><b>").append(esc(c.topic())).append("</b> <span class=\"tag partial\">")
        .append(esc(c.kind())).append("</span> <span class=\"muted\">").append(esc(c.slot())).append(": ")
        .append(esc(String.join(" vs ", c.values()))).append(" · confidence ")
        .append(String.format(Locale.ROOT, "%.2f", c.confidence())).append("</span><p class=\"muted\">")
        .append(esc(c.reason())).append("</p><div class=\"grid\">");
    for (int i = 0; i < c.statements().size(); i++) {
      Evidence e = c.statements().get(i);
      h.append("<blockquote><b>").append(esc(e.article())).append(":</b> ");
      if (i < c.values().size()) {
        h.append("<span class=\"tag conflict\">").append(esc(c.values().get(i))).append("</span> ");
      }
      h.append(esc(e.sentence())).append("</blockquote>");
    }
    h.append("</div></div>");
  }

  private static void quotes(StringBuilder h, Report r) {
    h.append("<h2 id=\"quotes\">Quotes by speaker</h2>");
    Map<String, Speaker> speakers = new TreeMap<>();
    r.speakers().forEach(sp -> speakers.put(sp.name(), sp));
    Map<String, List<Quote>> bySpeaker = new TreeMap<>();
    for (Quote q : r.quotes()) {
      bySpeaker.computeIfAbsent(q.speaker() == null ? "(unattributed)" : q.speaker(), k -> new ArrayList<>()).add(q);
    }
    for (Map.Entry<String, List<Quote>> e : bySpeaker.entrySet()) {
      Quote first = e.getValue().get(0);
      String role = e.getValue().stream().map(Quote::role).filter(x -> x != null).findFirst().orElse(null);
      h.append("<details class=\"card\"><summary><b>").append(esc(e.getKey())).append("</b>");
      if (role != null) {
        h.append(" — ").append(esc(role));
      }
      if (first.side() != null) {
        h.append(" <span class=\"tag unique\">").append(esc(first.side())).append("</span>");
      }
      Speaker who = speakers.get(e.getKey());
      if (who != null && who.evidence() != null) {
        // why this side: the role as an article states it, so a reader can check it there
        h.append(" <span class=\"muted\">(“").append(esc(who.evidence())).append("”, ")
            .append(esc(who.evidenceArticle())).append(")</span>");
      }
      h.append(" · ").append(e.getValue().size()).append("</summary>");
      for (Quote q : e.getValue()) {
        h.append("<blockquote>“").append(esc(q.text())).append("” <span class=\"muted\">— ")
            .append(esc(q.article())).append("</span></blockquote>");
      }
      h.append("</details>");
    }
  }

  private static void framing(StringBuilder h, Report r) {
    h.append("<h2 id=\"framing\">Framing per outlet</h2><p class=\"muted\">Loaded or name-calling terms per 100 words")
        .append(" (outside quotations), and whose voices each article quotes.</p>");
    double max = 0.5;
    for (ArticleReport a : r.articles()) {
      max = Math.max(max, a.loadedLanguage().score());
    }
    int rowH = 26;
    int width = 700;
    h.append("<svg role=\"img\" aria-label=\"loaded language per article\" width=\"100%\" viewBox=\"0 0 ")
        .append(width).append(' ').append(rowH * r.articles().size() + 10).append("\">");
    int y = 4;
    for (ArticleReport a : r.articles()) {
      double score = a.loadedLanguage().score();
      int w = (int) Math.round((width - 330) * score / max);
      h.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">")
          .append(esc(clip(a.outlet() + " (" + a.id() + ")", 38))).append("</text>")
          .append("<rect x=\"270\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(w, 1))
          .append("\" height=\"18\" fill=\"#e8833a\" rx=\"3\"/>")
          .append("<text x=\"").append(275 + w).append("\" y=\"").append(y + 16).append("\" font-size=\"12\">")
          .append(String.format(Locale.ROOT, "%.1f", score)).append("</text>");
      y += rowH;
    }
    h.append("</svg><table><tr><th>Article</th><th>Loaded terms</th><th>Voices quoted (share by side)</th></tr>");
    for (ArticleReport a : r.articles()) {
      h.append("<tr><td>").append(esc(a.outlet())).append("<br><span class=\"muted\">").append(esc(a.id()))
          .append("</span></td><td>").append(esc(String.join(", ", a.loadedLanguage().terms()))).append("</td><td>");
      a.voices().bySide().forEach((side, share) -> h.append(esc(side)).append(": ")
          .append(Math.round(share * 100)).append("%<br>"));
      h.append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void reuse(StringBuilder h, Report r) {
    h.append("<h2 id=\"reuse\">Reuse between articles</h2><p class=\"muted\">Shared: sentences of the shorter ")
        .append("article found, in order, reworded or verbatim, in the other.</p><table><tr><th>Pair</th>")
        .append("<th>Relation</th><th>Shared</th><th>Verbatim (5-gram)</th><th>Evidence</th></tr>");
    for (Reuse u : r.reuse()) {
      h.append("<tr><td>").append(esc(u.a())).append(" ↔ ").append(esc(u.b()));
      if (u.source() != null) {
        h.append("<br><span class=\"muted\">earlier: ").append(esc(u.source())).append("</span>");
      }
      h.append("</td><td>").append(esc(u.kind())).append("</td><td>").append(Math.round(u.similarity() * 100))
          .append("%</td><td>")
          .append(Math.round(u.lexical() * 100)).append("%</td><td>");
      if (!u.passages().isEmpty()) {
        h.append("<details><summary>").append(u.passages().size()).append(" passages</summary>");
        for (Passage p : u.passages()) {
          h.append("<blockquote>").append(esc(p.a())).append("<br>⇄ ").append(esc(p.b())).append("</blockquote>");
        }
        h.append("</details>");
      }
      h.append("</td></tr>");
    }
    h.append("</table>");
  }

  /** How the outlet is known, with the line that names it, so a reader can judge the name. */
  private static void outletIdentity(StringBuilder h, org.parallax.model.OutletIdentity id) {
    if (id == null) {
      return;
    }
    h.append("<p class=\"muted outlet-identity\">");
    if (id.known()) {
      h.append("Outlet ").append(esc(id.name())).append(", named by ").append(esc(id.basis().description()));
      if (id.evidence() != null && !id.evidence().equals(id.name())) {
        h.append(": “").append(esc(id.evidence())).append("”");
      }
    } else {
      h.append("Outlet unknown: the text names none (").append(esc(id.name())).append(" is the file's label)");
    }
    if (id.original() != null) {
      h.append(". Original source: ").append(esc(id.original())).append(" (“").append(esc(id.originalEvidence()))
          .append("”)");
    }
    h.append("</p>");
  }

  private static void articles(StringBuilder h, Report r) {
    h.append("<h2 id=\"articles\">Articles</h2>");
    for (ArticleReport a : r.articles()) {
      h.append("<div class=\"card\" id=\"art-").append(esc(a.id())).append("\"><h3>").append(esc(a.title()))
          .append("</h3><p class=\"muted\">").append(esc(a.outlet()));
      if (a.date() != null) {
        h.append(" · ").append(esc(a.date()));
      }
      if (a.byline() != null) {
        h.append(" · ").append(esc(a.byline()));
      }
      h.append(" · ").append(esc(a.id())).append(" · language ").append(esc(a.language())).append("</p>");
      outletIdentity(h, a.outletIdentity());
      h.append("<details><summary>Clean text</summary><div class=\"body\">");
      for (String para : a.body().split("\n\n")) {
        h.append("<p>").append(esc(para)).append("</p>");
      }
      h.append("</div></details><details class=\"removed\"><summary>Removed (").append(a.removed().size())
          .append(")</summary><ul>");
      for (Removed x : a.removed()) {
        h.append("<li><code>").append(esc(x.reason())).append("</code> ").append(esc(clip(x.text(), 200)))
            .append("</li>");
      }
      h.append("</ul></details></div>");
    }
  }

  private static void skipped(StringBuilder h, Report r) {
    if (r.skipped().isEmpty()) {
      return;
    }
    h.append("<h2 id=\"skipped\">Skipped or partly analysed inputs</h2><ul>");
    for (Skipped s : r.skipped()) {
      h.append("<li><code>").append(esc(s.path())).append("</code>: ").append(esc(s.reason())).append("</li>");
    }
    h.append("</ul>");
  }

  private static String clip(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
