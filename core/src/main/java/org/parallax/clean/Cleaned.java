package org.parallax.clean;

import java.util.List;
import org.parallax.model.Removed;

/** The result of cleaning one document: body paragraphs joined by blank lines, what was removed, found metadata. */
public record Cleaned(String title, String body, String byline, String outlet, String date, List<Removed> removed) {
  public Cleaned {
    removed = List.copyOf(removed);
  }
}
