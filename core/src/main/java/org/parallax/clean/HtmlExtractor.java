package org.parallax.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.parallax.model.Removed;

/**
 * Main-content extraction from a news page, a heuristic measured in BENCHMARKS.md:
 * <ol>
 *   <li>metadata from {@code <title>}, Open Graph, article meta tags and JSON-LD;</li>
 *   <li>boilerplate dropped by tag (nav, aside, footer, forms… unless they wrap real paragraphs) and by class/id
 *       vocabulary (unless an explicit article class says otherwise; tag-only if that would empty the page);</li>
 *   <li>text blocks scored by length, commas and link density (in the manner of Readability); the container is the
 *       smallest element holding 75% of the score, widened to an enclosing {@code <article>}, with lead blocks
 *       beside it; real paragraphs elsewhere on the page are added in page order;</li>
 *   <li>link-dense blocks (menus, tag lists, related headlines) are skipped when the text is collected.</li>
 * </ol>
 */
public final class HtmlExtractor {
  /** Share of the page's scored text the chosen container must hold. */
  private static final double COVERAGE = 0.75;
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)(^|[-_ ])(comments?|share|sharing|social|related|recommend(ed|ations)?|newsletter|subscri(be|ption)"
          + "|promo|advert(isement)?|ads?|sponsor(ed)?|cookies?|consent|breadcrumbs?|nav|navbar|navigation|menu"
          + "|footer|sidebar|widget|popup|modal|banner|tag-?list|author-?bio|more-?stories|most-?(read|popular)"
          + "|trending|outbrain|taboola|paywall|toolbar|login|signup|pagination|caption|credit|copyright"
          + "|disclaimer|byline|dateline|timestamp)($|[-_ ])");
  /** Class names that say "this is the article text" outright; they win over any boilerplate word beside them. */
  private static final Pattern STRONG_POSITIVE = Pattern.compile(
      "(?i)(article|story|entry|post|main|page|news)[-_]?(content|body|text)|articlebody|content[-_]?(main|body)"
          + "|(^|\\s)(post|entry|article)(\\s|$)");
  private static final Pattern POSITIVE = Pattern.compile(
      "(?i)(article|story|entry|post|content|text|body|main|news|blog|detail|artikel|beitrag|inhalt)");
  private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "svg", "iframe",
      "form", "button", "input", "select", "textarea", "nav", "aside", "footer", "object", "embed", "canvas", "video",
      "audio", "map", "dialog", "menu");
  private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
      "pre", "dd", "dt", "td", "th", "figcaption", "div", "section", "article", "main", "span", "font", "center",
      "header", "table", "tr", "ul", "ol", "dl", "tbody", "b", "strong", "em", "i");
  private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
      "pre", "dd", "dt", "td", "th");

  /**
   * What a page yielded: metadata (null when absent), the main text as lines, what was dropped, and notes on a page
   * over a work limit (read only in part, or as plain text).
   */
  public record Page(String title, String outlet, String url, String date, String byline, List<String> lines,
                     List<Removed> removed, List<String> notes) {
    public Page {
      notes = List.copyOf(notes);
    }
  }

  private final int maxDepth;
  private final int maxTags;

  /** With the default limits of {@link org.parallax.config.ParallaxConfig#defaults()}. */
  public HtmlExtractor() {
    this(org.parallax.config.ParallaxConfig.defaults().maxHtmlDepth(),
        org.parallax.config.ParallaxConfig.defaults().maxHtmlNodes());
  }

  /** Pages with more than {@code maxTags} tags are read in part; pages deeper than {@code maxDepth} as text. */
  public HtmlExtractor(int maxDepth, int maxTags) {
    this.maxDepth = maxDepth;
    this.maxTags = maxTags;
  }

  public Page extract(String html, String baseUri) {
    List<String> notes = new ArrayList<>();
    int cut = HtmlLimits.cutForTags(html, maxTags);
    if (cut >= 0) {
      notes.add("HTML page has more than " + HtmlLimits.count(maxTags) + " tags (maxHtmlNodes): only its first "
          + HtmlLimits.count(cut) + " of " + HtmlLimits.count(html.length()) + " characters were read");
      html = html.substring(0, cut);
    }
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    int depth = HtmlLimits.depth(doc);
    if (depth > maxDepth) {
      notes.add("HTML nested " + HtmlLimits.count(depth) + " elements deep, over the " + HtmlLimits.count(maxDepth)
          + " of maxHtmlDepth: main-content extraction skipped, the page's text read as plain text");
      Element root = doc.body() == null ? doc : doc.body();
      return new Page(blankToNull(doc.title()), null, null, null, null, HtmlLimits.plainLines(root), List.of(),
          notes);
    }
    PageMetadata.Meta m = PageMetadata.read(doc);
    String title = m.title();
    String outlet = m.outlet();
    String url = m.url();
    String date = m.date();
    String byline = m.byline();

    List<Removed> removed = new ArrayList<>();
    Element body = doc.body() == null ? doc : doc.body();
    Element original = body.clone();
    int before = body.text().length();
    prune(body, removed, true);
    if (body.text().length() < Math.min(200, before / 10)) {
      // Class-name pruning ate the page (utility classes can look like boilerplate): prune by tag only.
      body = original;
      removed.clear();
      prune(body, removed, false);
    }
    Element main = chooseMain(body);
    // An explicit <article> around the chosen block is the author's own statement of where the text is.
    Element article = main.closest("article");
    if (article != null && article != main && linkDensity(article) < 0.3) {
      main = article;
    }
    List<String> lines = new ArrayList<>();
    collect(main, lines);
    if (main.parent() != null) {
      // Paragraphs of real prose outside the chosen container (a lead in its own block): add them in page order.
      List<String> leading = new ArrayList<>();
      List<String> after = new ArrayList<>();
      boolean seenMain = false;
      for (Element p : body.select("p, " + main.cssSelector())) {
        if (p == main) {
          seenMain = true;
          continue;
        }
        if (isAncestor(main, p) || !isGoodParagraph(p) || p.text().length() < 100) {
          continue;
        }
        (seenMain ? after : leading).add(p.text().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip());
      }
      List<String> all = new ArrayList<>(leading);
      all.addAll(lines);
      all.addAll(after);
      lines = all;
    }
    if (lines.isEmpty() && main != body) {
      collect(body, lines);
    }
    return new Page(title, outlet, blankToNull(url), shortDate(date), blankToNull(byline), lines, removed, notes);
  }

  private void prune(Element root, List<Removed> removed, boolean byClass) {
    int total = root.text().length();
    for (Element e : new ArrayList<>(root.getAllElements())) {
      org.parallax.Interrupts.check();
      if (e == root || e.parent() == null) {
        continue;
      }
      String tag = e.normalName();
      boolean container = tag.equals("aside") || tag.equals("footer") || tag.equals("nav") || tag.equals("form")
          || tag.equals("header") || tag.equals("menu") || tag.equals("noscript");
      if (container && holdsProse(e, total)) {
        continue; // an unclosed <aside>, or a form wrapping the whole page, swallows the article in the DOM
      }
      if (DROP_TAGS.contains(tag) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))
          || e.attr("style").replace(" ", "").contains("display:none")) {
        keep(removed, e, tag.equals("nav") || tag.equals("menu") ? "navigation" : tag.equals("footer")
            ? "site footer" : tag.equals("aside") ? "sidebar" : tag.equals("form") ? "form" : null);
        e.remove();
        continue;
      }
      if (tag.equals("figure") || tag.equals("figcaption")) {
        keep(removed, e, "photo caption");
        e.remove();
        continue;
      }
      if (tag.equals("header") && e.closest("article") == null) {
        e.remove();
        continue;
      }
      String marker = e.className() + " " + e.id() + " " + e.attr("role") + " " + e.attr("itemprop");
      if (byClass && !tag.equals("body") && !tag.equals("html") && !tag.equals("article") && !tag.equals("main")
          && BOILERPLATE.matcher(marker).find() && !STRONG_POSITIVE.matcher(marker).find()
          && e.text().length() < total * 0.4) {
        keep(removed, e, "boilerplate block (" + clip(marker.strip()) + ")");
        e.remove();
      }
    }
  }

  private static void keep(List<Removed> removed, Element e, String reason) {
    if (reason == null) {
      return;
    }
    String text = e.text().strip();
    if (!text.isEmpty()) {
      removed.add(new Removed(clip(text, 300), reason));
    }
  }

  private Element chooseMain(Element body) {
    Element marked = body.selectFirst("[itemprop=articleBody]");
    if (marked != null && marked.text().length() > 200) {
      return marked;
    }
    Map<Element, Double> score = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, td, blockquote, h2, h3, li, div")) {
      String own = ownBlockText(p);
      int len = own.length();
      if (len < 25) {
        continue;
      }
      double s = 1 + Math.min(len / 100.0, 3) + commas(own);
      s *= 1 - linkDensity(p);
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      score.merge(parent, s, Double::sum);
      Element grand = parent.parent();
      if (grand != null) {
        score.merge(grand, s / 2, Double::sum);
      }
    }
    // The smallest element holding most of the page's scored text: articles split into several sections or
    // columns are kept whole, where the single best-scoring parent would hold only one of them.
    Map<Element, Double> subtree = new IdentityHashMap<>();
    double total = 0;
    for (Element p : body.select("p, pre, td, blockquote, h2, h3, li, div")) {
      String own = ownBlockText(p);
      if (own.length() < 25) {
        continue;
      }
      double sc = (1 + Math.min(own.length() / 100.0, 3) + commas(own)) * (1 - linkDensity(p));
      total += sc;
      for (Element a = p; a != null && a != body.parent(); a = a.parent()) {
        subtree.merge(a, sc, Double::sum);
      }
    }
    Element holder = body;
    boolean descended = true;
    while (descended) {
      descended = false;
      for (Element c : holder.children()) {
        if (subtree.getOrDefault(c, 0.0) >= COVERAGE * total) {
          holder = c;
          descended = true;
          break;
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> en : score.entrySet()) {
      Element e = en.getKey();
      String marker = e.className() + " " + e.id();
      double s = en.getValue() * (POSITIVE.matcher(marker).find() || e.normalName().equals("article") ? 1.25 : 1);
      if (s > bestScore) {
        bestScore = s;
        best = e;
      }
    }
    if (best == null) {
      Element article = body.selectFirst("article");
      return article != null ? article : body;
    }
    if (holder != body && holder != best && isAncestor(holder, best)) {
      return withTextSiblings(holder, subtree, total);
    }
    // Keep siblings that look like more of the same article (split containers are common).
    Element parent = best.parent();
    if (parent != null && parent != body.parent()) {
      Element wrapper = new Element("div");
      boolean extra = false;
      for (Element sib : parent.children()) {
        double s = score.getOrDefault(sib, 0.0);
        if (sib == best || s >= bestScore * 0.2 || isGoodParagraph(sib)) {
          wrapper.appendChild(sib.clone());
          extra |= sib != best;
        }
      }
      if (extra) {
        return wrapper;
      }
    }
    return best;
  }

  /** The holder plus its siblings that carry a real share of the scored text (a lead in its own block). */
  private static Element withTextSiblings(Element holder, Map<Element, Double> subtree, double total) {
    // Climb single-child wrappers first: the sibling blocks sit beside the outermost wrapper of the holder.
    double own = subtree.getOrDefault(holder, 0.0);
    while (holder.parent() != null && subtree.getOrDefault(holder.parent(), 0.0) <= own + 1e-9
        && holder.parent().parent() != null && !holder.parent().normalName().equals("body")) {
      holder = holder.parent();
    }
    Element parent = holder.parent();
    if (parent == null) {
      return holder;
    }
    Element wrapper = new Element("div");
    boolean extra = false;
    for (Element sib : parent.children()) {
      if (sib == holder || ((subtree.getOrDefault(sib, 0.0) >= 0.05 * total || hasGoodParagraph(sib))
          && linkDensity(sib) < 0.35)) {
        wrapper.appendChild(sib.clone());
        extra |= sib != holder;
      }
    }
    return extra ? wrapper : holder;
  }

  private static boolean hasGoodParagraph(Element e) {
    for (Element p : e.select("p")) {
      if (isGoodParagraph(p)) {
        return true;
      }
    }
    return false;
  }

  /** Several real paragraphs, or most of the page's text with few links. */
  private static boolean holdsProse(Element e, int total) {
    int paragraphs = 0;
    for (Element p : e.select("p")) {
      if (p.text().length() > 150 && linkDensity(p) < 0.3) {
        paragraphs++;
      }
    }
    return paragraphs >= 3 || (e.text().length() > total * 0.4 && linkDensity(e) < 0.3);
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGoodParagraph(Element e) {
    if (!e.normalName().equals("p")) {
      return false;
    }
    String t = e.text();
    return t.length() > 80 && linkDensity(e) < 0.25 && t.matches("(?s).*[.!?\"”]\\s*$");
  }

  /** Emits block texts in document order; inline content of a block is joined, nested blocks become lines. */
  private void collect(Element root, List<String> out) {
    StringBuilder buf = new StringBuilder();
    walk(root, buf, out);
    flush(buf, out);
  }

  private void walk(Node node, StringBuilder buf, List<String> out) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        buf.append(t.text());
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          flush(buf, out);
          continue;
        }
        boolean block = TEXT_BLOCKS.contains(tag) || (BLOCK_TAGS.contains(tag) && isBlockish(e));
        if (block) {
          flush(buf, out);
          if (linkDensity(e) > 0.5 && e.text().length() < 600) {
            continue; // link lists: menus, tags, related headlines
          }
          walk(e, buf, out);
          flush(buf, out);
        } else {
          walk(e, buf, out);
        }
      }
    }
  }

  private static boolean isBlockish(Element e) {
    String tag = e.normalName();
    return !(tag.equals("span") || tag.equals("font") || tag.equals("b") || tag.equals("strong")
        || tag.equals("em") || tag.equals("i")) || !e.select("p, div, br").isEmpty();
  }

  private static void flush(StringBuilder buf, List<String> out) {
    String s = buf.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    buf.setLength(0);
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  private static String ownBlockText(Element e) {
    if (e.normalName().equals("div")) {
      StringBuilder sb = new StringBuilder();
      for (TextNode t : e.textNodes()) {
        sb.append(t.text());
      }
      for (Element c : e.children()) {
        String tag = c.normalName();
        if (tag.equals("a") || tag.equals("b") || tag.equals("i") || tag.equals("em") || tag.equals("strong")
            || tag.equals("span")) {
          sb.append(c.text());
        }
      }
      return sb.toString().strip();
    }
    return e.text();
  }

  private static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1.0, links / (double) total);
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    return Math.min(n, 5);
  }

  static String shortDate(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    var m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(date);
    return m.find() ? m.group(1) : date.strip();
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String clip(String s) {
    return clip(s, 60);
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }
}
