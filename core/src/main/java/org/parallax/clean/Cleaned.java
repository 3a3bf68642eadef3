package org.parallax.clean;

import java.util.List;
import org.parallax.model.Removed;

/**
 * The result of cleaning one document: body paragraphs joined by blank lines, what was removed, found metadata.
 * {@code outletBasis} says which line named {@code outlet} (null when none did).
 */
public record Cleaned(String title, String body, String byline, String outlet, String date, List<Removed> removed,
                      org.parallax.model.OutletIdentity.Basis outletBasis) {
  public Cleaned {
    removed = List.copyOf(removed);
  }
}
