package org.parallax.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkCardsTest {
  @Test
  void aPersonCardIsCutAfterThePrintedName() {
    List<String> cut = new ArrayList<>();
    String line = "Sen. Dana Whitcombe Dana Louise WhitcombeSenators balk at a long trial Farm bill stalls again "
        + "MORE (R-Ore.) said the vote would wait.";
    assertEquals("Sen. Dana Whitcombe (R-Ore.) said the vote would wait.", LinkCards.strip(line, cut));
    assertEquals(List.of("Dana Louise WhitcombeSenators balk at a long trial Farm bill stalls again MORE"), cut);
  }

  @Test
  void severalCardsInOneSentenceAndCardsGluedToDigitsQuotesAndNicknames() {
    List<String> cut = new ArrayList<>();
    String line = "Mayor Tom Reyes Thomas (Tom) Reyes2030 hopefuls meet in Ames MORE and Gov. Ida Brandt Ida "
        + "Brandt\"Not now,\" says the governor MORE were both there.";
    assertEquals("Mayor Tom Reyes and Gov. Ida Brandt were both there.", LinkCards.strip(line, cut));
    assertEquals(2, cut.size());
  }

  @Test
  void aCardWhoseFullNameIsNotGluedToTheHeadlineAPossessiveAndASuffix() {
    List<String> cut = new ArrayList<>();
    assertEquals("Speaker Lou Garner (R-Ind.) said so.", LinkCards.strip("Speaker Lou Garner Lou Amos Garner "
        + "Retirees say no to the plan Ten takeaways MORE (R-Ind.) said so.", cut));
    assertEquals("Under Mayor Reyes’s plan, fees fall.", LinkCards.strip("Under Mayor Reyes Thomas (Tom) "
        + "ReyesReyes hits back at critics MORE’s plan, fees fall.", cut));
    assertEquals("Sam Ortiz Jr. (D) spoke.", LinkCards.strip("Sam Ortiz Jr. Samuel (Sam) Ortiz"
        + "Ortiz Jr's book tops the list MORE (D) spoke.", cut));
    assertEquals("Mayor Al de Vries (D) and Rep. Jo Van Horn (N.J.) agreed.", LinkCards.strip("Mayor Al de Vries Al de "
        + "VriesCity hall reopens MORE (D) and Rep. Jo Van Horn Jo Van Horn Voters go to the polls MORE (N.J.) agreed.",
        cut));
    assertEquals("Speaker Ann Bell (R) spoke.", LinkCards.strip("Speaker Ann Bell Ann Bell'Not now' says Bell "
        + "MORE (R) spoke.", cut));
    assertEquals(6, cut.size());
  }

  @Test
  void textWithoutAllThreeMarksIsLeftAlone() {
    List<String> cut = new ArrayList<>();
    String[] lines = {
        "READ MORE: the council's budget.", // a label, no glued name
        "NO MORE GAMES, the crowd chanted.",
        "You can watch YouTube videos MORE than ever.", // glued, and the word printed before, but no name between
        "The White House's plan drew fire from the House Budget Committee MORE than once.", // a possessive
        "The iPhone maker said MORE would follow.",
        "Ann Lee and Bo Lee Park met; MORE later.", // the surname again, but not after a full name
    };
    for (String l : lines) {
      assertSame(l, LinkCards.strip(l, cut), l);
    }
    assertTrue(cut.isEmpty());
  }

  @Test
  void aHugeLineOfNameLikeWordsAndMoresIsLookedAtOnlySoFar() {
    // name-like words and "MORE"s over and over: every scan is bounded per "MORE", and at most MOST_TRIES of them
    // are looked at (an unbounded backward scan or a recursion over the words would not finish or would overflow)
    String line = "Ab Cd ".repeat(100_000) + "Ab Ab MORE ".repeat(10_000);
    List<String> cut = new ArrayList<>();
    String out = LinkCards.strip(line, cut);
    assertTrue(cut.size() <= LinkCards.MOST_TRIES, "cards: " + cut.size());
    assertTrue(out.length() <= line.length() && out.endsWith("Ab Ab MORE "));
  }

  @Test
  void theCleanerReportsEachCardItRemoves() {
    Cleaned c = new TextCleaner().clean("A quiet week in the capital ended on Friday with a long vote in the "
        + "chamber, as Rep. Ana Ortiz Ana Maria OrtizWhy the budget fight matters Three takeaways from the vote "
        + "MORE (D-N.M.) told reporters that the vote was \"a long time coming\" and that more would follow.",
        "Vote ends quiet week");
    assertTrue(c.body().contains("Rep. Ana Ortiz (D-N.M.) told reporters"), c.body());
    assertEquals(1, c.removed().stream().filter(r -> r.reason().equals(TextCleaner.LINK_CARD)).count());
  }
}
