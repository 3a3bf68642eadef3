package org.parallax.outlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The party-voice heuristic on made-up sentences: what it counts, what it refuses, and the spans it keeps. */
class PartyVoicesTest {
  private final PartyVoices voices = new PartyVoices();

  private List<String> found(String body) {
    return voices.find(body).stream()
        .map(v -> v.party() + " " + v.name() + ": " + body.substring(v.start(), v.end())).toList();
  }

  @Test
  void labelAfterTheNameInTheCueCounts() {
    assertEquals(List.of("R Tom Harlow: We will not fund this plan in its current form"),
        found("“We will not fund this plan in its current form,” said Sen. Tom Harlow (R-Kan.)."));
    assertEquals(List.of("D Ana Pruitt: The bill leaves too many families behind"),
        found("“The bill leaves too many families behind,” Rep. Ana Pruitt, D-Minn., said Tuesday."));
    assertEquals(List.of("R Tom Harlow: nobody in this chamber wants another shutdown"),
        found("Sen. Tom Harlow (R-Kan.) told reporters: “nobody in this chamber wants another shutdown”"));
  }

  @Test
  void thePartyStatedOnceCarriesToTheSpeakersLaterQuotesBySurname() {
    String body = "Democratic Sen. Lena Ortiz of Nevada opposed the measure.\n\n"
        + "“This is a bad deal for working families,” Ortiz said.\n\n"
        + "Gov. Carl Brandt, a Republican, disagreed. “The deal protects our farmers and our jobs,” Brandt said.\n\n"
        + "“We can do better than this,” said Ortiz.";
    assertEquals(List.of("D Lena Ortiz: This is a bad deal for working families",
        "R Carl Brandt: The deal protects our farmers and our jobs", "D Lena Ortiz: We can do better than this"),
        found(body));
  }

  @Test
  void speakersWithoutAStatedPartyPronounsAndScareQuotesAreNotCounted() {
    assertEquals(List.of(), found("“The markets will recover by spring,” said Jane Holm, an economist."));
    assertEquals(List.of(), found("Sen. Tom Harlow (R-Kan.) spoke first. “We will vote no on this bill,” he said."));
    assertEquals(List.of(), found("Sen. Tom Harlow (R-Kan.) called the plan “a disaster,” Harlow said."));
    assertEquals(List.of(), found("The Republican National Committee said “we are ready for the fight ahead.”"));
  }

  @Test
  void aSurnameOfTwoPartiesInOneArticleIsDropped() {
    String body = "Rep. Mia Kline (D-Ore.) and Rep. Joe Kline (R-Ohio) sparred. “This bill is a real mess,” "
        + "Kline said.";
    assertEquals(List.of(), found(body));
  }

  @Test
  void statedPartiesReadTheUsualForms() {
    String body = "Senate Majority Leader Dan Price (R-Ky.) met Rep. Ana Pruitt, D-Minn., and Joe Vance, a "
        + "Democrat from Ohio. Republican strategist Ford Allen and the Democratic Party watched.";
    var stated = voices.statedParties(body);
    assertEquals("Person[name=Dan Price, party=R]", stated.get("Price").toString());
    assertEquals("Person[name=Ana Pruitt, party=D]", stated.get("Pruitt").toString());
    assertEquals("Person[name=Joe Vance, party=D]", stated.get("Vance").toString());
    assertEquals("Person[name=Ford Allen, party=R]", stated.get("Allen").toString());
    assertTrue(stated.keySet().stream().noneMatch(k -> k.equals("Party")), stated.toString());
    assertEquals(4, stated.size(), stated.toString());
  }
}
