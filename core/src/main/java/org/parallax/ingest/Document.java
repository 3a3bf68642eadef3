package org.parallax.ingest;

/**
 * One raw input article before cleaning: scraped text or an HTML page, with whatever metadata its container gave
 * (null when absent). {@code notes} carries reading remarks worth reporting, such as an encoding fallback.
 * {@code fallbackDate} is a date known only from the container (a crawl's WARC-Date, a fetch time): used when
 * neither {@code date} nor the page itself gives one. {@code topic}: the container's subject label ("elections"),
 * kept for the outlet profiles' coverage by topic; not part of the article itself.
 */
public record Document(String id, String path, Format format, String content, String title, String outlet,
                       String url, String date, String notes, String fallbackDate, String topic)
    implements java.io.Serializable {
  public Document(String id, String path, Format format, String content, String title, String outlet, String url,
                  String date, String notes, String fallbackDate) {
    this(id, path, format, content, title, outlet, url, date, notes, fallbackDate, null);
  }

  public Document(String id, String path, Format format, String content, String title, String outlet, String url,
                  String date, String notes) {
    this(id, path, format, content, title, outlet, url, date, notes, null);
  }

  /** What {@code content} holds. */
  public enum Format { TEXT, HTML }
}
