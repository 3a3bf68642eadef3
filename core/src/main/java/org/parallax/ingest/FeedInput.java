package org.parallax.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.xml.sax.InputSource;

/**
 * RSS and Atom documents read with Rome (doctypes refused, so no external entities). Each entry becomes one
 * {@link Entry}: its link, title, date, the feed's title as outlet, and whatever text the feed carries (full
 * content when present, else the description, often only a teaser).
 */
public final class FeedInput {
  private FeedInput() {}

  /** One feed entry. {@code html} may be blank when the feed gives only a title and a link. */
  public record Entry(String id, String link, String title, String outlet, String date, String html, boolean isText) {
    /** The entry as a document on its own, for when its page is not fetched. */
    public Document toDocument(String path) {
      return new Document(id, path, isText ? Document.Format.TEXT : Document.Format.HTML, html, title, outlet, link,
          date, null);
    }
  }

  /** Cheap sniff for a feed among {@code .xml} files: the root element of RSS, RDF or Atom. */
  public static boolean looksLikeFeed(byte[] head) {
    String s = new String(head, 0, Math.min(head.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    return s.contains("<rss") || s.contains("<feed") || s.contains("<rdf:rdf");
  }

  /**
   * Parses a feed.
   *
   * @throws BadInputException saying what is wrong when the bytes are not a well-formed RSS or Atom feed
   */
  public static List<Entry> parse(byte[] xml, String fallbackId) {
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
    } catch (FeedException | IllegalArgumentException e) {
      String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
          : e.getMessage();
      throw new BadInputException("malformed feed, not valid RSS or Atom: " + why);
    }
    String outlet = blankToNull(feed.getTitle());
    List<Entry> out = new ArrayList<>();
    int i = 0;
    for (SyndEntry e : feed.getEntries()) {
      i++;
      String link = blankToNull(e.getLink());
      String id = firstNonBlank(e.getUri(), link, fallbackId + "-" + i);
      StringBuilder html = new StringBuilder();
      boolean isText = false;
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null) {
          html.append(c.getValue()).append('\n');
          isText = "text".equalsIgnoreCase(c.getType()) || "text/plain".equalsIgnoreCase(c.getType());
        }
      }
      if (html.toString().isBlank() && e.getDescription() != null && e.getDescription().getValue() != null) {
        html.append(e.getDescription().getValue());
        isText = "text/plain".equalsIgnoreCase(e.getDescription().getType());
      }
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      String date = when == null ? null : when.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
      out.add(new Entry(id, link, blankToNull(e.getTitle()), outlet, date, html.toString().strip(), isText));
    }
    return out;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
