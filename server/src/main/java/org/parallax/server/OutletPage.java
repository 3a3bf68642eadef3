package org.parallax.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.outlets.OutletProfile;
import org.parallax.store.CorpusStore;

/**
 * What the outlet page and the comparison page show: each outlet's figures, each linked to the list of its
 * evidence (articles, sentences, copy pairs, stories), and the monthly trends against the corpus median.
 */
record OutletPage(String title, String period, List<Column> columns, List<OutletCharts.Chart> charts,
                  List<String> leftOut) {
  /** A figure as shown: its label, value, and the link to its evidence. */
  record Figure(String id, String label, String value, String href, String note) {}

  record ArticleRow(String id, String href, String title, String date, String storyHref) {}

  record Snippet(String href, String before, String term, String after) {}

  record TermRow(String term, int count, List<Snippet> examples) {}

  record PairRow(String sourceId, String sourceHref, String copyId, String copyHref, String other, String otherHref) {}

  record SourceRow(String outlet, String href, int count) {}

  record MissedRow(String href, String label, String from, int outlets) {}

  /** A topic's shared stories left out ({@link OutletProfile.TopicGap}): its anchor on the page, counts, the first. */
  record TopicRow(String topic, String anchor, int leftOut, int shared, List<MissedRow> stories) {}

  /** A sentence as evidence: its article's link and id, its text, its story's link. */
  record SentenceRow(String href, String article, String text, String storyHref) {}

  /** A consensus claim the outlet omits: the claim, the other outlets' sentences, the outlet's own articles. */
  record OmissionRow(String text, String storyHref, List<SentenceRow> stated, List<String> statedBy,
                     List<SentenceRow> own) {}

  /**
   * A conflict of one of the outlet's sentences with another outlet's: the detector's kind and slot, the two values
   * (its own first), confidence, its own sentence and the other outlet's (each linked to its article), the story.
   */
  record ConflictRow(String kind, String slot, String own, String others, String confidence, SentenceRow ownSentence,
                     String otherOutlet, String otherHref, SentenceRow otherSentence, String storyHref) {}

  /** A quotation of a speaker whose party the article states: party word, the speaker, the quotation's row. */
  record VoiceRow(String party, String name, SentenceRow quote) {}

  /** One outlet: figures and the evidence behind them. */
  record Column(String outlet, String href, List<Figure> figures, List<ArticleRow> articles, List<TermRow> terms,
                List<PairRow> originated, List<PairRow> rewrote, List<SourceRow> sources, List<MissedRow> missed,
                List<SentenceRow> unique, List<OmissionRow> omitted, List<ConflictRow> conflicts, List<VoiceRow> voices,
                List<TopicRow> topics, OutletProfile profile) {}

  /** Monthly figures drawn, with their chart titles; shares are shown as percentages. */
  private static final List<String[]> TRENDS = List.of(
      new String[] {"articles", "Articles per month"},
      new String[] {"loadedPer100Words", "Loaded terms per 100 words"},
      new String[] {"rewroteShare", "Share of its articles that rewrite another outlet"},
      new String[] {"sharedCoverage", "Share of the month's shared stories (3+ outlets) it covers"},
      new String[] {"uniqueShare", "Share of its sentences in shared stories no other outlet states"},
      new String[] {"omittedShare", "Share of its shared stories' consensus claims it omits"},
      new String[] {"republicanShare", "Republican share of its quotations of stated-party speakers (D and R)"},
      new String[] {"conflictShare", "Share of its compared shared stories in which it is party to a conflict"});
  private static final int SNIPPET = 90;

  static String outletHref(String outlet) {
    return "/outlets/" + Links.segment(outlet);
  }

  static String articleHref(String id) {
    return "/articles/" + Links.segment(id);
  }

  /**
   * The page for {@code profiles} (one: the outlet page; two to four: the comparison page). With {@code evidence},
   * the evidence lists are filled (from the store); the comparison page links to each outlet's page for them.
   */
  static OutletPage of(String title, List<OutletProfile> profiles, OutletView view, String from, String to,
                       boolean evidence) {
    List<Column> columns = new ArrayList<>();
    for (OutletProfile p : profiles) {
      columns.add(column(p, view.store(), evidence));
    }
    List<OutletCharts.Chart> charts = new ArrayList<>();
    for (String[] t : TRENDS) {
      Map<String, Map<String, Double>> series = new LinkedHashMap<>();
      for (OutletProfile p : profiles) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (OutletProfile.Month month : p.months()) {
          m.put(month.month(), OutletProfile.figure(month, t[0]));
        }
        series.put(p.outlet(), m);
      }
      charts.add(OutletCharts.trend("trend-" + t[0], t[1], series, view.median(t[0], from, to),
          t[0].endsWith("Share") || t[0].equals("sharedCoverage")));
    }
    String period = from == null && to == null ? "all months" : (from == null ? "…" : from) + " to "
        + (to == null ? "…" : to);
    return new OutletPage(title, period, columns, charts, profiles.isEmpty() ? List.of() : profiles.get(0).leftOut());
  }

  private static Column column(OutletProfile p, CorpusStore store, boolean evidence) {
    String base = evidence ? "" : outletHref(p.outlet());
    List<Figure> f = new ArrayList<>();
    f.add(new Figure("articles", "Articles", Integer.toString(p.articles()), base + "#articles",
        "its articles in the period"));
    f.add(new Figure("stories", "Stories covered", Integer.toString(p.stories()), base + "#articles",
        "stories its articles belong to (each article links its story)"));
    f.add(new Figure("loaded", "Loaded terms / 100 words", OutletCharts.format(p.loadedPer100Words(), false),
        base + "#terms", p.loadedTerms() + " loaded terms outside quotations in " + p.words() + " words"));
    f.add(new Figure("originated", "Articles others rewrite", Integer.toString(p.originated()),
        base + "#originated", "articles of which another outlet's article is a copy or spin"));
    f.add(new Figure("rewrote", "Articles rewriting others", Integer.toString(p.rewrote()), base + "#rewrote",
        "articles that copy or spin another outlet's earlier article"));
    f.add(new Figure("shared", "Shared stories covered",
        p.sharedStories() == 0 ? "–" : p.sharedCovered() + " of " + p.sharedStories(), base + "#missed",
        "stories three or more outlets cover, in its months; the list shows those it leaves out"));
    OutletProfile.Claims c = p.claims();
    f.add(new Figure("unique", "Sentences only it states", c.stories() == 0 ? "–" : c.unique() + " of "
        + c.sentences() + " (" + OutletCharts.format(c.uniqueShare(), true) + ")", base + "#unique",
        "in " + c.stories() + " shared stories (3+ outlets) it covers: its sentences no other outlet's article states "
        + "(lexical triangulation)"));
    f.add(new Figure("omitted", "Consensus claims it omits", c.stories() == 0 ? "–" : c.omitted() + " of "
        + c.consensus() + " (" + OutletCharts.format(c.omittedShare(), true) + ")", base + "#omitted",
        "claims most outlets of its shared stories state, which its own articles there do not"));
    f.add(new Figure("conflicts", "Conflicts it is party to", c.conflictStories() == 0 ? "–" : c.conflicts()
        + " in " + c.storiesWithConflicts() + " of " + c.conflictStories() + " stories", base + "#conflicts",
        "its sentences that another outlet's sentence of a shared story contradicts (figures, day or outcome), at "
        + "the confidence a story's report shows in red"));
    OutletProfile.Voices v = p.voices();
    f.add(new Figure("voices", "Voices by party (R / D)", v.quotes() == 0 ? "–" : v.republican() + " / "
        + v.democratic() + " (" + OutletCharts.format(v.republicanShare(), true) + " R)", base + "#voices",
        "quotations whose speaker's party the article states (" + v.republicanVoices() + " Republican and "
        + v.democraticVoices() + " Democratic speakers" + (v.independent() > 0 ? ", " + v.independent()
        + " independent quotations" : "") + ")"));
    if (!evidence) {
      return new Column(p.outlet(), outletHref(p.outlet()), f, List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), p);
    }
    List<VoiceRow> voices = new ArrayList<>();
    for (OutletProfile.PartyQuote q : v.evidence()) {
      String party = switch (q.party()) {
        case "D" -> "Democratic";
        case "R" -> "Republican";
        default -> "independent";
      };
      voices.add(new VoiceRow(party, q.name(), sentence(store, q.ref(), null, null)));
    }
    List<SentenceRow> unique = new ArrayList<>();
    for (OutletProfile.UniqueClaim u : c.uniqueClaims()) {
      unique.add(sentence(store, u.ref(), u.text(), u.story()));
    }
    List<OmissionRow> omitted = new ArrayList<>();
    for (OutletProfile.OmittedClaim o : c.omittedClaims()) {
      List<SentenceRow> stated = new ArrayList<>();
      o.refs().forEach(r -> stated.add(sentence(store, r, null, o.story())));
      List<SentenceRow> own = new ArrayList<>();
      o.ownArticles().forEach(id -> own.add(new SentenceRow(articleHref(id), id, null, null)));
      omitted.add(new OmissionRow(o.text(), "/stories/" + Links.segment(o.story()), stated, o.statedBy(), own));
    }
    List<ConflictRow> conflicts = new ArrayList<>();
    for (OutletProfile.ConflictClaim k : c.conflictClaims()) {
      List<String> values = k.values();
      conflicts.add(new ConflictRow(k.kind(), k.slot(), values.isEmpty() ? "" : values.get(0),
          values.size() < 2 ? "" : values.get(1),
          String.format(java.util.Locale.ROOT, "%.2f", k.confidence()), sentence(store, k.ref(), k.text(), k.story()),
          k.otherOutlet(), outletHref(k.otherOutlet()), sentence(store, k.otherRef(), k.otherText(), k.story()),
          "/stories/" + Links.segment(k.story())));
    }
    List<ArticleRow> articles = new ArrayList<>();
    for (String id : p.articleIds()) {
      CorpusStore.StoredArticle a = store.article(id);
      if (a != null) {
        articles.add(new ArticleRow(id, articleHref(id), a.article().title() == null || a.article().title().isBlank()
            ? id : a.article().title(), a.article().date(), a.story() == null ? null
            : "/stories/" + Links.segment(a.story())));
      }
    }
    List<TermRow> terms = new ArrayList<>();
    for (OutletProfile.Term t : p.topTerms()) {
      List<Snippet> ex = new ArrayList<>();
      for (String e : t.examples()) {
        Snippet s = snippet(store, e);
        if (s != null) {
          ex.add(s);
        }
      }
      terms.add(new TermRow(t.term(), t.count(), ex));
    }
    return new Column(p.outlet(), outletHref(p.outlet()), f, articles, terms, pairs(p.originatedPairs(), store, false),
        pairs(p.rewrotePairs(), store, true), p.mainSources().stream()
        .map(s -> new SourceRow(s.outlet(), outletHref(s.outlet()), s.count())).toList(),
        p.missed().stream().map(OutletPage::missedRow).toList(), unique, omitted, conflicts, voices, topics(p), p);
  }

  private static MissedRow missedRow(OutletProfile.MissedStory m) {
    return new MissedRow("/stories/" + Links.segment(m.story()), m.label() == null ? m.story() : m.label(), m.from(),
        m.outlets());
  }

  /** The left-out stories by topic; anchors are numbered, a topic being any text. */
  private static List<TopicRow> topics(OutletProfile p) {
    List<TopicRow> out = new ArrayList<>();
    for (OutletProfile.TopicGap g : p.topics().rows()) {
      out.add(new TopicRow(g.topic(), "topic-" + (out.size() + 1), g.leftOut(), g.shared(),
          g.examples().stream().map(OutletPage::missedRow).toList()));
    }
    return out;
  }

  /**
   * A sentence "articleId:start:end" as the store's body has it (the kept text where the span no longer fits the
   * body, or when the article is gone).
   */
  static SentenceRow sentence(CorpusStore store, String ref, String kept, String story) {
    String[] x = ref.split(":");
    String id = x[0];
    String text = kept;
    if (x.length == 3) {
      CorpusStore.StoredArticle a = store.article(id);
      if (a != null) {
        String body = a.article().body();
        int s = Integer.parseInt(x[1]);
        int e = Integer.parseInt(x[2]);
        if (s >= 0 && e <= body.length() && s < e) {
          text = body.substring(s, e).replace('\n', ' ');
        }
      }
    }
    return new SentenceRow(articleHref(id), id, text == null ? ref : text,
        story == null ? null : "/stories/" + Links.segment(story));
  }

  private static List<PairRow> pairs(List<String> pairs, CorpusStore store, boolean otherIsSource) {
    List<PairRow> out = new ArrayList<>();
    for (String pair : pairs) {
      int gt = pair.indexOf('>');
      String src = pair.substring(0, gt);
      String copy = pair.substring(gt + 1);
      CorpusStore.StoredArticle other = store.article(otherIsSource ? src : copy);
      String o = other == null ? "?" : org.parallax.outlets.OutletLedger.outletOf(other.article());
      out.add(new PairRow(src, articleHref(src), copy, articleHref(copy), o, outletHref(o)));
    }
    return out;
  }

  /** The sentence around a loaded term "articleId:start:end", the term marked; null when it cannot be found. */
  static Snippet snippet(CorpusStore store, String example) {
    String[] x = example.split(":");
    if (x.length != 3) {
      return null;
    }
    CorpusStore.StoredArticle a = store.article(x[0]);
    if (a == null) {
      return null;
    }
    String body = a.article().body();
    int s = Integer.parseInt(x[1]);
    int e = Integer.parseInt(x[2]);
    if (s < 0 || e > body.length() || s >= e) {
      return null;
    }
    int from = Math.max(0, s - SNIPPET);
    int to = Math.min(body.length(), e + SNIPPET);
    String before = body.substring(from, s);
    String after = body.substring(e, to);
    return new Snippet(articleHref(x[0]), (from > 0 ? "…" : "") + before.replace('\n', ' '),
        body.substring(s, e), after.replace('\n', ' ') + (to < body.length() ? "…" : ""));
  }
}
