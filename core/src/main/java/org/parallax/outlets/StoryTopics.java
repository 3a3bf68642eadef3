package org.parallax.outlets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.stories.StoryInfo;

/**
 * The topics input records give their articles (AllSides rows: "elections", "terrorism"), counted per story, and
 * an outlet's shared stories left out by topic. A story's topic is the most frequent topic of its articles (ties:
 * the alphabetically first); a story none of whose articles has one has none. Topics come from the container, not
 * from the text: where the input gives none, coverage by topic is unknown, never guessed. Thread-safe.
 */
public final class StoryTopics {
  /** Longer topic labels are cut: a label is a word or two, not text. */
  static final int MAX_LENGTH = 60;
  /** Left-out stories kept as evidence per topic of a profile (the counts are exact). */
  static final int EXAMPLES = 5;
  private final Map<String, Map<String, Integer>> byStory = new HashMap<>();
  private final Map<String, String> interned = new HashMap<>();

  /** The topic as counted: trimmed, lower case, cut to {@link #MAX_LENGTH}; null for none or blank. */
  public static String normalise(String topic) {
    if (topic == null || topic.isBlank()) {
      return null;
    }
    String t = topic.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) : t;
  }

  /** Counts an article of {@code story} with its (already normalised) topic; nothing when either is null. */
  synchronized void add(String story, String topic) {
    if (story == null || topic == null) {
      return;
    }
    String t = interned.computeIfAbsent(topic, k -> k);
    byStory.computeIfAbsent(story, k -> new HashMap<>(2)).merge(t, 1, Integer::sum);
  }

  /** Whether any article had a topic (a store ingested from input without topics, or before them, has none). */
  public synchronized boolean known() {
    return !byStory.isEmpty();
  }

  /** The story's topic, or null when none of its articles has one. */
  public synchronized String topicOf(String story) {
    Map<String, Integer> c = byStory.get(story);
    if (c == null) {
      return null;
    }
    String best = null;
    int n = 0;
    for (Map.Entry<String, Integer> e : c.entrySet()) {
      if (e.getValue() > n || (e.getValue() == n && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    return best;
  }

  /**
   * Shared stories of an outlet's months by topic: for each topic, how many of them it leaves out (not in
   * {@code covered}) of how many, with the first {@link #EXAMPLES} left out (in {@code shared}'s order). Rows with
   * the most left out first, then the most shared, then by topic.
   */
  public OutletProfile.Topics coverage(Collection<StoryInfo> shared, Set<String> covered) {
    if (!known()) {
      return new OutletProfile.Topics(false, 0, List.of());
    }
    TreeMap<String, int[]> counts = new TreeMap<>();
    Map<String, List<OutletProfile.MissedStory>> examples = new HashMap<>();
    int none = 0;
    for (StoryInfo s : shared) {
      String t = topicOf(s.id());
      if (t == null) {
        none++;
        continue;
      }
      int[] c = counts.computeIfAbsent(t, k -> new int[2]);
      c[1]++;
      if (!covered.contains(s.id())) {
        c[0]++;
        List<OutletProfile.MissedStory> ex = examples.computeIfAbsent(t, k -> new ArrayList<>());
        if (ex.size() < EXAMPLES) {
          ex.add(new OutletProfile.MissedStory(s.id(), s.label(), s.from(), OutletProfiles.identified(s.outlets()),
              t));
        }
      }
    }
    List<OutletProfile.TopicGap> rows = new ArrayList<>();
    counts.forEach((t, c) -> rows.add(new OutletProfile.TopicGap(t, c[0], c[1], examples.getOrDefault(t, List.of()))));
    rows.sort((a, b) -> a.leftOut() != b.leftOut() ? Integer.compare(b.leftOut(), a.leftOut())
        : a.shared() != b.shared() ? Integer.compare(b.shared(), a.shared()) : a.topic().compareTo(b.topic()));
    return new OutletProfile.Topics(true, none, rows);
  }
}
