package org.parallax.clean;

import java.util.ArrayList;
import java.util.List;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.model.Removed;

/**
 * Turns a raw {@link Document} into an {@link Article}: HTML pages go through main-content extraction first, then
 * all text through the line cleaner. Metadata given by the container (a JSON record) wins over what the text says.
 */
public final class ArticleCleaner {
  private final HtmlExtractor html = new HtmlExtractor();
  private final TextCleaner text = new TextCleaner();

  public Article clean(Document d) {
    String title = d.title();
    String outlet = d.outlet();
    String url = d.url();
    String date = d.date();
    String byline = null;
    List<Removed> removed = new ArrayList<>();
    String raw = d.content();
    if (d.format() == Document.Format.HTML) {
      HtmlExtractor.Page page = html.extract(d.content(), d.url());
      title = first(title, page.title());
      outlet = first(outlet, page.outlet());
      url = first(url, page.url());
      date = first(date, page.date());
      byline = page.byline();
      removed.addAll(page.removed());
      raw = String.join("\n", page.lines());
    }
    Cleaned c = text.clean(raw, title, d.format() == Document.Format.HTML);
    removed.addAll(c.removed());
    return new Article(d.id(), d.path(), first(outlet, c.outlet(), host(url), d.id()), url,
        first(title, c.title()), HtmlExtractor.shortDate(first(date, c.date(), d.fallbackDate())), first(byline, c.byline()), null, c.body(), removed);
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
