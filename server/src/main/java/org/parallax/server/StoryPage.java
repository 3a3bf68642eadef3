package org.parallax.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Coverage;
import org.parallax.model.Quote;
import org.parallax.model.Report;
import org.parallax.model.SummarySentence;
import org.parallax.report.ClaimMatrix;

/**
 * The view model of a report page (a stored story or an ad hoc analysis): everything the template shows, already
 * grouped and linked, so the template only lays it out. Links are built from ids here; the template escapes them.
 */
record StoryPage(String title, String subtitle, String base, Report report, List<Cited> summary,
                 List<String> outletHeaders, List<MatrixRow> matrix, List<OutletClaims> unique,
                 List<OutletClaims> omitted, List<Speaker> speakers, Charts.Framing framing, Charts.ReuseGraph reuse,
                 List<ArticleLink> articles) {

  /** A summary sentence with links to the articles it cites. */
  record Cited(String sentence, List<ArticleLink> sources) {}

  /** Link to one article page. */
  record ArticleLink(String id, String outlet, String title, String date, String href) {}

  /** One matrix row with the anchor of its panel (every outlet's sentence); each cell has its own panel. */
  record MatrixRow(ClaimGroup claim, String anchor, List<MatrixCell> cells) {}

  record MatrixCell(ClaimMatrix.Cell cell, String anchor, ArticleLink article) {}

  /** Claims of one outlet (only it reports them, or it leaves them out). */
  record OutletClaims(ArticleLink article, List<String> claims) {}

  /** Quotes grouped by speaker. */
  /**
   * A speaker as the story page shows one: the side comes with the phrase an article states it in and a link to that
   * article, so a reader can check it; the other spellings the articles used are listed.
   */
  record Speaker(String name, String role, String side, String evidence, ArticleLink evidenceArticle,
                 List<String> otherNames, List<SpokenQuote> quotes) {}

  record SpokenQuote(String text, ArticleLink article) {}

  /** The outlet an article id belongs to (the id itself when the report has no such article). */
  /** Conflicts shown as such (confidence at least {@link Conflict#SHOWN}). */
  public List<org.parallax.model.Conflict> shownConflicts() {
    return report.conflicts().stream().filter(org.parallax.model.Conflict::shown).toList();
  }

  /** Lower-confidence candidates, listed apart and collapsed. */
  public List<org.parallax.model.Conflict> possibleConflicts() {
    return report.conflicts().stream().filter(c -> !c.shown()).toList();
  }

  /** "4 outlets, 3 independent — …" for a claim. */
  public String sourcesOf(ClaimGroup g) {
    return org.parallax.report.ClaimMatrix.sourcesLine(g);
  }

  public String outletOf(String articleId) {
    for (ArticleLink a : articles) {
      if (a.id().equals(articleId)) {
        return a.outlet();
      }
    }
    return articleId;
  }

  static StoryPage of(String title, String subtitle, String base, Report r) {
    Map<String, ArticleLink> links = new LinkedHashMap<>();
    for (ArticleReport a : r.articles()) {
      links.put(a.id(), new ArticleLink(a.id(), a.outlet(), a.title(), a.date(),
          base + "/articles/" + Links.segment(a.id())));
    }
    List<Cited> summary = new ArrayList<>();
    for (SummarySentence s : r.summary()) {
      List<ArticleLink> sources = new ArrayList<>();
      for (String id : s.articles()) {
        sources.add(links.getOrDefault(id, new ArticleLink(id, id, null, null, null)));
      }
      summary.add(new Cited(s.sentence(), sources));
    }
    List<String> headers = new ArrayList<>();
    for (ArticleReport a : r.articles()) {
      headers.add(a.outlet());
    }
    List<MatrixRow> matrix = new ArrayList<>();
    int row = 0;
    for (ClaimMatrix.Row mr : ClaimMatrix.of(r).rows()) {
      List<MatrixCell> cells = new ArrayList<>();
      int col = 0;
      for (ClaimMatrix.Cell c : mr.cells()) {
        cells.add(new MatrixCell(c, "ev-" + row + "-" + col, links.get(c.article())));
        col++;
      }
      matrix.add(new MatrixRow(mr.claim(), "ev-" + row, cells));
      row++;
    }
    List<OutletClaims> unique = new ArrayList<>();
    for (ArticleReport a : r.articles()) {
      List<String> texts = new ArrayList<>();
      for (ClaimGroup g : r.claims()) {
        if (g.status() == ClaimStatus.UNIQUE && g.articles().contains(a.id())) {
          texts.add(g.text());
        }
      }
      unique.add(new OutletClaims(links.get(a.id()), texts));
    }
    Map<String, String> claimText = new LinkedHashMap<>();
    r.claims().forEach(g -> claimText.put(g.id(), g.text()));
    List<OutletClaims> omitted = new ArrayList<>();
    for (Coverage c : r.coverage()) {
      if (!c.omitted().isEmpty() && links.containsKey(c.article())) {
        omitted.add(new OutletClaims(links.get(c.article()),
            c.omitted().stream().map(claimText::get).filter(t -> t != null).toList()));
      }
    }
    Map<String, List<Quote>> bySpeaker = new TreeMap<>();
    for (Quote q : r.quotes()) {
      bySpeaker.computeIfAbsent(q.speaker() == null ? "(unattributed)" : q.speaker(), k -> new ArrayList<>()).add(q);
    }
    Map<String, org.parallax.model.Speaker> identities = new java.util.HashMap<>();
    r.speakers().forEach(s -> identities.put(s.name(), s));
    List<Speaker> speakers = new ArrayList<>();
    bySpeaker.forEach((name, qs) -> {
      org.parallax.model.Speaker id = identities.get(name);
      speakers.add(new Speaker(name,
          qs.stream().map(Quote::role).filter(x -> x != null).findFirst().orElse(id == null ? null : id.role()),
          qs.stream().map(Quote::side).filter(x -> x != null).findFirst().orElse(id == null ? null : id.side()),
          id == null ? null : id.evidence(),
          id == null || id.evidenceArticle() == null ? null : links.get(id.evidenceArticle()),
          id == null ? List.of() : id.variants().stream().filter(v -> !v.equals(name)).toList(),
          qs.stream().map(q -> new SpokenQuote(q.text(), links.get(q.article()))).toList()));
    });
    return new StoryPage(title, subtitle, base, r, summary, headers, matrix, unique, omitted, speakers,
        Charts.framing(r), Charts.reuse(r, links), new ArrayList<>(links.values()));
  }
}
