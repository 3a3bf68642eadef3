package org.parallax.model;

import java.util.List;

/** Statements of different articles about the same thing that cannot all be true, or credit it differently. */
public record Conflict(String topic, String kind, String reason, List<Evidence> statements) {
  public Conflict {
    statements = List.copyOf(statements);
  }
}
