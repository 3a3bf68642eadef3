package org.parallax.server;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Evidence;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Quote;
import org.parallax.model.Report;

/**
 * The view model of an article page: the clean text cut into segments, each marked with what covers it (a quote, a
 * claim sentence, a loaded term), the article's quotes and claims listed, and the removed noise for checking the
 * cleaning. Claims carry sentence text, not offsets, so their spans are found by searching the body for the sentence.
 */
record ArticlePage(ArticleReport article, String storyTitle, String storyHref, String link, List<Segment> body,
                   List<Quote> quotes, List<Stated> claims, int loadedCount, boolean found) {

  /** A run of body text and the classes of the marks covering it (empty: plain text). */
  record Segment(String text, String classes, String title) {}

  /** A claim this article states, with the claim's status across outlets. */
  record Stated(String sentence, String status, int outlets) {}

  private record Mark(int start, int end, String kind, String title) {}

  static ArticlePage of(Report r, String articleId, String storyTitle, String storyHref) {
    ArticleReport a = r.articles().stream().filter(x -> x.id().equals(articleId)).findFirst().orElse(null);
    if (a == null) {
      return null;
    }
    String body = a.body();
    List<Mark> marks = new ArrayList<>();
    List<Quote> quotes = new ArrayList<>();
    for (Quote q : r.quotes()) {
      if (q.article().equals(a.id())) {
        quotes.add(q);
        if (q.span().end() <= body.length()) {
          marks.add(new Mark(q.span().start(), q.span().end(), "quote",
              "quote" + (q.speaker() == null ? "" : " — " + q.speaker())));
        }
      }
    }
    for (LoadedTerm t : a.loadedLanguage().spans()) {
      if (t.end() <= body.length()) {
        marks.add(new Mark(t.start(), t.end(), "loaded", t.category()));
      }
    }
    List<Stated> claims = new ArrayList<>();
    for (ClaimGroup g : r.claims()) {
      for (Evidence e : g.evidence()) {
        if (e.article().equals(a.id())) {
          claims.add(new Stated(e.sentence(), g.status().label(), g.articles().size()));
          int at = body.indexOf(e.sentence());
          if (at >= 0) {
            marks.add(new Mark(at, at + e.sentence().length(), "claim " + g.status().label(),
                "claim: " + g.status().label() + ", " + g.articles().size() + " outlet(s)"));
          }
        }
      }
    }
    return new ArticlePage(a, storyTitle, storyHref, Links.safeLink(a.url()), segments(body, marks), quotes, claims,
        a.loadedLanguage().spans().size(), true);
  }

  /** Cuts the body at every mark boundary; each piece gets the classes of all marks covering it. */
  private static List<Segment> segments(String body, List<Mark> marks) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, body.length()));
    for (Mark m : marks) {
      cuts.add(m.start());
      cuts.add(m.end());
    }
    List<Segment> out = new ArrayList<>();
    Integer prev = null;
    for (int cut : cuts) {
      if (prev != null && cut > prev) {
        StringBuilder classes = new StringBuilder();
        StringBuilder title = new StringBuilder();
        for (Mark m : marks) {
          if (m.start() <= prev && cut <= m.end()) {
            if (classes.indexOf(m.kind()) < 0) {
              classes.append(classes.length() == 0 ? "" : " ").append(m.kind());
            }
            title.append(title.length() == 0 ? "" : "; ").append(m.title());
          }
        }
        out.add(new Segment(body.substring(prev, cut), classes.toString(), title.toString()));
      }
      prev = cut;
    }
    return out;
  }
}
