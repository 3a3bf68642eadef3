package org.parallax.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Quote;
import org.parallax.model.Sentence;
import org.parallax.model.Speaker;
import org.parallax.nlp.Annotator;
import org.parallax.testing.TestModels;

class StorySpeakersTest {
  private final SideGazetteer sides = new SideGazetteer();
  private final PatternQuoteAttributor attributor = new PatternQuoteAttributor(sides);

  private StorySpeakers.Input article(String id, String body) {
    List<Sentence> s = new Annotator(TestModels.nlp()).annotate(body);
    return new StorySpeakers.Input(id, body, s, attributor.attribute(id, body, s));
  }

  private static Quote quote(StorySpeakers.Result r, String article, String part) {
    return r.quotes().get(article).stream().filter(q -> q.text().contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no quote with " + part + " in " + r.quotes().get(article)));
  }

  @Test
  void aRoleStatedInOneArticleGivesTheSideInAnother() {
    List<StorySpeakers.Input> story = List.of(
        article("a", "Russian President Vladimir Putin met the envoy on Tuesday. The talks lasted two hours."),
        article("b", "“We will respond to any threat,” Putin said after the meeting."));
    assertNull(story.get(1).quotes().get(0).side(), "article b alone states no side");
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(story);
    Quote q = quote(r, "b", "respond to any threat");
    assertEquals("Vladimir Putin", q.speaker());
    assertEquals("Russia", q.side());
    Speaker putin = r.speakers().stream().filter(s -> s.name().equals("Vladimir Putin")).findFirst().orElseThrow();
    assertEquals("Russian President", putin.evidence());
    assertEquals("a", putin.evidenceArticle());
    assertTrue(putin.variants().contains("Putin"));
  }

  @Test
  void aBareTitleTakesTheOnlySideNoOtherHolderOfItHas() {
    List<StorySpeakers.Input> story = List.of(
        article("a", "President Joe Biden spoke to Russian President Vladimir Putin. The US president warned of "
            + "sanctions."),
        article("b", "“We are ready for anything,” Biden said on Tuesday. “Diplomacy comes first,” Putin said."));
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(story);
    assertEquals("Joe Biden", quote(r, "b", "ready for anything").speaker());
    assertEquals("United States", quote(r, "b", "ready for anything").side());
    assertEquals("Russia", quote(r, "b", "Diplomacy comes first").side());
  }

  @Test
  void noSideWhereNoArticleStatesOne() {
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(List.of(
        article("a", "“It will be a long winter,” Maria Holm said. Holm has written three books.")));
    Quote q = quote(r, "a", "long winter");
    assertEquals("Maria Holm", q.speaker());
    assertNull(q.side());
    assertNull(r.speakers().get(0).evidence());
  }

  @Test
  void namesLoseLinkGarbageAndVariantsJoinOnePerson() {
    assertEquals("Trump", StorySpeakers.clean("TrumpTrump"));
    assertEquals("Donald John Trump", StorySpeakers.clean("Trump Donald John TrumpTrump"));
    assertEquals("Dmitry Peskov", StorySpeakers.clean("Dmitry\u00a0Peskov’s"));
    assertTrue(StorySpeakers.compatible("Donald Trump", "Donald John Trump"));
    assertFalse(StorySpeakers.compatible("Hunter Biden", "Joe Biden"));
    List<StorySpeakers.Input> story = List.of(
        article("a", "“We will win,” Donald Trump said at the rally."),
        article("b", "“It is rigged,” Donald John Trump said on Monday."));
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(story);
    assertEquals(quote(r, "a", "will win").speaker(), quote(r, "b", "rigged").speaker());
  }

  @Test
  void everyQuoteKeepsItsPlaceAndText() {
    List<StorySpeakers.Input> story = new ArrayList<>();
    story.add(article("a", "“Talks are over,” Kremlin spokesman Dmitry Peskov told reporters. “We wait.”"));
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(story);
    assertEquals(story.get(0).quotes().size(), r.quotes().get("a").size());
    for (int i = 0; i < story.get(0).quotes().size(); i++) {
      assertEquals(story.get(0).quotes().get(i).span(), r.quotes().get("a").get(i).span());
      assertEquals(story.get(0).quotes().get(i).text(), r.quotes().get("a").get(i).text());
    }
  }

  @Test
  void aCoordinatedSubjectSpeaksForBothAndSharesASideOnlyIfTheyDo() {
    List<StorySpeakers.Input> story = List.of(
        article("a", "Russian President Vladimir Putin called US President Joe Biden on Tuesday."),
        article("b", "Putin and Biden agreed that cooperation was in an “unsatisfactory state” after the call."));
    StorySpeakers.Result r = new StorySpeakers(sides).resolve(story);
    Quote q = quote(r, "b", "unsatisfactory state");
    assertEquals("Vladimir Putin and Joe Biden", q.speaker());
    assertNull(q.side(), "a joint quote of two sides belongs to neither");
  }
}
