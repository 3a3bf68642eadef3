package org.parallax.clean;

import java.util.ArrayList;
import java.util.List;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.model.OutletIdentity;
import org.parallax.model.Removed;

/**
 * Turns a raw {@link Document} into an {@link Article}: HTML pages go through main-content extraction first, then
 * all text through the line cleaner. Metadata given by the container (a JSON record) wins over what the text says.
 */
public final class ArticleCleaner {
  private final HtmlExtractor html;
  private final TextCleaner text = new TextCleaner();
  private final OutletIdentifier outlets = new OutletIdentifier();
  private final int maxChars;

  /** With the default limits of {@link org.parallax.config.ParallaxConfig#defaults()}. */
  public ArticleCleaner() {
    this(org.parallax.config.ParallaxConfig.defaults());
  }

  /** Bounded by the configuration's maxArticleChars, maxHtmlDepth and maxHtmlNodes. */
  public ArticleCleaner(org.parallax.config.ParallaxConfig config) {
    this.html = new HtmlExtractor(config.maxHtmlDepth(), config.maxHtmlNodes());
    this.maxChars = config.maxArticleChars();
  }

  public Article clean(Document d) {
    return clean(d, new ArrayList<>());
  }

  /**
   * Cleans one document; an input over a work limit is cleaned on its first part and {@code notes} says so. Scraped
   * text is cut at twice the article limit before cleaning (cleaning only removes), the clean body at the limit.
   */
  public Article clean(Document d, List<String> notes) {
    int fullLength = d.content().length();
    boolean cut = false;
    String title = d.title();
    String pageOutlet = null;
    String url = d.url();
    String date = d.date();
    String byline = null;
    List<Removed> removed = new ArrayList<>();
    String raw = d.content();
    if (d.format() == Document.Format.TEXT && raw.length() > 2L * maxChars) {
      raw = raw.substring(0, TextLimits.cutPoint(raw, 2 * maxChars));
      cut = true;
    }
    if (d.format() == Document.Format.HTML) {
      HtmlExtractor.Page page = html.extract(d.content(), d.url());
      title = first(title, page.title());
      pageOutlet = page.outlet();
      url = first(url, page.url());
      date = first(date, page.date());
      byline = page.byline();
      removed.addAll(page.removed());
      notes.addAll(page.notes());
      raw = String.join("\n", page.lines());
    }
    Cleaned c = text.clean(raw, title, d.format() == Document.Format.HTML);
    removed.addAll(c.removed());
    String body = c.body();
    if (body.length() > maxChars) {
      body = body.substring(0, TextLimits.cutPoint(body, maxChars)).strip();
      cut = true;
    }
    if (cut) {
      notes.add("article text is " + TextLimits.count(Math.max(fullLength, c.body().length())) + " characters, over "
          + "the " + TextLimits.count(maxChars) + " of maxArticleChars: only its first " + TextLimits.count(body.length())
          + " clean characters were analysed");
    }
    OutletIdentity identity = outlets.identify(new OutletIdentifier.Clues(d.outlet(), pageOutlet, c.outlet(),
        c.outletBasis(), url, removed, body, d.id()));
    return new Article(d.id(), d.path(), outletLabel(identity), url,
        first(title, c.title()), HtmlExtractor.shortDate(first(date, c.date(), d.fallbackDate())),
        first(byline, c.byline()), null, body, removed, identity);
  }

  /**
   * The outlet name articles are grouped and shown by: the identified name, or for an article that names none
   * "unknown (file label)", so that a reader never takes a file name for an outlet and two unknown ones stay apart.
   */
  public static String outletLabel(OutletIdentity identity) {
    return identity.known() ? identity.name() : "unknown (" + identity.name() + ")";
  }

  /** The site a URL points at, without "www.": the best outlet name when a page names none. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = java.net.URI.create(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
