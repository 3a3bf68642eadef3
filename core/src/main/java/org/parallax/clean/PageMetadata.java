package org.parallax.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** A news page's metadata from {@code <title>}, Open Graph, article meta tags and JSON-LD (null when absent). */
final class PageMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageMetadata() {}

  /** Title (without the site's suffix), outlet, canonical URL, publication date and byline, each null if absent. */
  record Meta(String title, String outlet, String url, String date, String byline) {}

  static Meta read(Document doc) {
    String title = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), jsonLd(doc, "headline"),
        doc.title());
    String outlet = firstNonBlank(meta(doc, "og:site_name"), jsonLdPublisher(doc), meta(doc, "application-name"));
    String url = firstNonBlank(doc.select("link[rel=canonical]").attr("href"), meta(doc, "og:url"));
    String date = firstNonBlank(meta(doc, "article:published_time"), jsonLd(doc, "datePublished"),
        meta(doc, "date"), meta(doc, "pubdate"), meta(doc, "dc.date"), meta(doc, "DC.date.issued"),
        doc.select("time[datetime]").attr("datetime"));
    String byline = firstNonBlank(meta(doc, "author"), jsonLdAuthor(doc), doc.select("[rel=author]").text());
    return new Meta(stripSiteSuffix(title, outlet), outlet, url, date, byline);
  }

  private static String firstNonBlank(String... values) {
    return HtmlExtractor.firstNonBlank(values);
  }

  static String meta(Document doc, String key) {
    Element m = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "], meta[itemprop=" + key + "]");
    return m == null ? null : HtmlExtractor.blankToNull(m.attr("content"));
  }

  private static List<JsonNode> jsonLdObjects(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    Elements scripts = doc.select("script[type=application/ld+json]");
    for (Element s : scripts) {
      try {
        JsonNode n = JSON.readTree(s.data());
        flatten(n, out);
      } catch (Exception ignored) {
        // Broken JSON-LD is common on real pages; the other metadata sources still apply.
      }
    }
    return out;
  }

  private static void flatten(JsonNode n, List<JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> flatten(c, out));
    } else if (n.isObject()) {
      out.add(n);
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out);
      }
    }
  }

  private static String jsonLd(Document doc, String field) {
    for (JsonNode n : jsonLdObjects(doc)) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String jsonLdPublisher(Document doc) {
    for (JsonNode n : jsonLdObjects(doc)) {
      JsonNode p = n.get("publisher");
      if (p != null && p.has("name")) {
        return p.get("name").asText();
      }
    }
    return null;
  }

  private static String jsonLdAuthor(Document doc) {
    for (JsonNode n : jsonLdObjects(doc)) {
      JsonNode a = n.get("author");
      if (a == null) {
        continue;
      }
      if (a.isArray() && a.size() > 0) {
        a = a.get(0);
      }
      if (a.has("name")) {
        return a.get("name").asText();
      }
      if (a.isTextual()) {
        return a.asText();
      }
    }
    return null;
  }

  private static String stripSiteSuffix(String title, String outlet) {
    if (title == null) {
      return null;
    }
    String t = title.strip();
    if (outlet != null) {
      for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
        if (t.endsWith(sep + outlet)) {
          return t.substring(0, t.length() - sep.length() - outlet.length()).strip();
        }
      }
    }
    return t;
  }

}
