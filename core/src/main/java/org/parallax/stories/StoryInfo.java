package org.parallax.stories;

import java.util.List;

/** What a story is to its readers: id, label, time span (ISO dates, null when undated), outlets, size. */
public record StoryInfo(String id, String label, String from, String to, List<String> outlets, int size) {
  public StoryInfo {
    outlets = List.copyOf(outlets);
  }
}
