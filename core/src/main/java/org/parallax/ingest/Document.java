package org.parallax.ingest;

/**
 * One raw input article before cleaning: scraped text or an HTML page, with whatever metadata its container gave
 * (null when absent). {@code notes} carries reading remarks worth reporting, such as an encoding fallback.
 */
public record Document(String id, String path, Format format, String content, String title, String outlet,
                       String url, String date, String notes) {
  /** What {@code content} holds. */
  public enum Format { TEXT, HTML }
}
