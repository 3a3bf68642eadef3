package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Article;
import org.parallax.stories.StoryInfo;

class StoryTopicsTest {
  @TempDir
  Path dir;

  private static void put(OutletLedger l, String id, String outlet, String story, String topic) {
    l.place(id, new Article(id, id + ".txt", outlet, null, null, "2021-12-07", null, "en", "Text.", List.of()),
        story, List.of(), topic);
  }

  private static StoryInfo story(String id, List<String> outlets) {
    return new StoryInfo(id, "label " + id, "2021-12-07", "2021-12-07", outlets, outlets.size());
  }

  private static final List<String> ABC = List.of("Alpha", "Beta", "Gamma");
  private static final List<StoryInfo> STORIES = List.of(story("s1", ABC), story("s2", ABC),
      story("s3", List.of("Alpha", "Beta", "Gamma", "Delta")), story("s4", ABC));

  /**
   * s1: elections twice against terrorism once; s2: a tie (one each, one article without) goes to the alphabetically
   * first; s3: spelled three ways, one topic; s4: no article has one. Delta covers only s3.
   */
  private static OutletLedger ledger() {
    OutletLedger l = OutletLedger.empty();
    put(l, "a1", "Alpha", "s1", "elections");
    put(l, "b1", "Beta", "s1", "elections");
    put(l, "c1", "Gamma", "s1", "terrorism");
    put(l, "a2", "Alpha", "s2", "terrorism");
    put(l, "b2", "Beta", "s2", "elections");
    put(l, "c2", "Gamma", "s2", null);
    put(l, "a3", "Alpha", "s3", "Immigration ");
    put(l, "b3", "Beta", "s3", "immigration");
    put(l, "c3", "Gamma", "s3", " IMMIGRATION");
    put(l, "d3", "Delta", "s3", "  ");
    put(l, "a4", "Alpha", "s4", null);
    put(l, "b4", "Beta", "s4", null);
    put(l, "c4", "Gamma", "s4", null);
    return l;
  }

  @Test
  void aStorysTopicIsItsArticlesMostFrequentWithTiesAlphabetical() {
    StoryTopics t = ledger().topics();
    assertEquals("elections", t.topicOf("s1"));
    assertEquals("elections", t.topicOf("s2"));
    assertEquals("immigration", t.topicOf("s3"));
    assertNull(t.topicOf("s4"));
    assertNull(t.topicOf("no such story"));
  }

  @Test
  void leftOutStoriesAreCountedByTopicAndSurviveTheLog() throws Exception {
    OutletLedger l = ledger();
    l.save(dir);
    for (OutletLedger ledger : List.of(l, OutletLedger.load(dir))) {
      OutletProfile.Topics t = new OutletProfiles(ledger, STORIES).profile("Delta", null, null).topics();
      assertTrue(t.known());
      assertEquals(1, t.withoutTopic(), "s4 has no topic");
      assertEquals(2, t.rows().size());
      OutletProfile.TopicGap elections = t.rows().get(0);
      assertEquals("elections", elections.topic());
      assertEquals(2, elections.leftOut());
      assertEquals(2, elections.shared());
      assertEquals(List.of("s1", "s2"), elections.examples().stream().map(OutletProfile.MissedStory::story)
          .sorted().toList());
      assertTrue(elections.examples().stream().allMatch(m -> "elections".equals(m.topic())));
      OutletProfile.TopicGap immigration = t.rows().get(1);
      assertEquals("immigration", immigration.topic());
      assertEquals(0, immigration.leftOut());
      assertEquals(1, immigration.shared());
      assertTrue(immigration.examples().isEmpty());
      // Alpha covers all four: nothing left out, yet every topic's shared stories are counted
      OutletProfile.Topics alpha = new OutletProfiles(ledger, STORIES).profile("Alpha", null, null).topics();
      assertEquals(List.of(0, 0), alpha.rows().stream().map(OutletProfile.TopicGap::leftOut).toList());
      assertEquals(List.of(2, 1), alpha.rows().stream().map(OutletProfile.TopicGap::shared).toList());
    }
  }

  @Test
  void aLedgerWithoutTopicsSaysTheyAreUnknown() {
    OutletLedger l = OutletLedger.empty();
    put(l, "a1", "Alpha", "s1", null);
    put(l, "b1", "Beta", "s1", null);
    put(l, "c1", "Gamma", "s1", null);
    put(l, "d1", "Delta", "s2", null);
    OutletProfile p = new OutletProfiles(l, List.of(story("s1", ABC))).profile("Delta", null, null);
    assertFalse(p.topics().known());
    assertTrue(p.topics().rows().isEmpty());
    assertEquals(1, p.missed().size(), "the left-out list itself does not need topics");
    assertNull(p.missed().get(0).topic());
  }

  @Test
  void aTopicIsALabelNotText() {
    assertNull(StoryTopics.normalise(null));
    assertNull(StoryTopics.normalise(" \t"));
    assertEquals("gun control", StoryTopics.normalise(" Gun\n Control "));
    assertEquals(StoryTopics.MAX_LENGTH, StoryTopics.normalise("x".repeat(10_000)).length());
  }
}
