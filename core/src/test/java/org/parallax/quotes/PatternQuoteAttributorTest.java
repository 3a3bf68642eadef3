package org.parallax.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Quote;
import org.parallax.nlp.Annotator;
import org.parallax.testing.TestModels;

class PatternQuoteAttributorTest {
  private final PatternQuoteAttributor attributor = new PatternQuoteAttributor(new SideGazetteer());

  private List<Quote> quotes(String body) {
    return attributor.attribute("t", body, new Annotator(TestModels.nlp()).annotate(body));
  }

  private static Quote find(List<Quote> qs, String textPart) {
    return qs.stream().filter(q -> q.text().contains(textPart)).findFirst()
        .orElseThrow(() -> new AssertionError("no quote with " + textPart + " in " + qs));
  }

  @Test
  void saidXWithAppositiveRole() {
    List<Quote> q = quotes("“We will not back down,” said Maria Okafor, general secretary of the Eastbridge "
        + "Dockers' Union.");
    Quote x = find(q, "back down");
    assertEquals("Maria Okafor", x.speaker());
    assertEquals("general secretary of the Eastbridge Dockers' Union", x.role());
    assertEquals("Eastbridge Dockers' Union", x.side());
  }

  @Test
  void xToldReportersWithRoleBeforeTheNameAndAGazetteerSide() {
    Quote x = find(quotes("“Russia isn’t going to attack anyone,” Kremlin spokesman Dmitry Peskov told reporters."),
        "attack anyone");
    assertEquals("Dmitry Peskov", x.speaker());
    assertEquals("Kremlin spokesman", x.role());
    assertEquals("Russia", x.side());
  }

  @Test
  void appositiveBetweenNameAndVerb() {
    Quote x = find(quotes("“The offer is fair,” Tomas Lindqvist, a spokesman for Halvorsen Shipping, told reporters."),
        "offer is fair");
    assertEquals("Tomas Lindqvist", x.speaker());
    assertEquals("Halvorsen Shipping", x.side());
  }

  @Test
  void pronounAndContinuationGoBackToTheNamedSpeaker() {
    List<Quote> q = quotes("Pavlo Klimkin, the former Ukrainian foreign minister, spoke before the talks. "
        + "Klimkin said it was unlikely that Putin would order a quick drawdown.\n\n"
        + "“They will stay,” he said. “For the Russians it is important to start a discussion.”");
    assertEquals("Pavlo Klimkin", find(q, "They will stay").speaker());
    assertEquals("Ukraine", find(q, "They will stay").side());
    assertEquals("Pavlo Klimkin", find(q, "important to start").speaker());
  }

  @Test
  void roleNounResolvesToThePersonWithThatRoleAndSide() {
    List<Quote> q = quotes("Russian President Vladimir Putin met US President Joe Biden on Tuesday. "
        + "According to aides, the Russian president told him that “our forces are on our own soil.”");
    assertEquals("Vladimir Putin", find(q, "own soil").speaker());
    assertEquals("Russia", find(q, "own soil").side());
  }

  @Test
  void partialQuoteBelongsToTheSentenceSubject() {
    Quote x = find(quotes("Joe Biden voiced “deep concerns” about the build-up of forces near the border."),
        "deep concerns");
    assertEquals("Joe Biden", x.speaker());
  }

  @Test
  void accordingToAndOneWordScareQuotes() {
    List<Quote> q = quotes("The talks were “candid and businesslike,” according to the Kremlin. "
        + "Officials called it a “success”.");
    assertEquals("Kremlin", find(q, "candid").speaker());
    assertEquals("Russia", find(q, "candid").side());
    assertEquals(1, q.size(), "a one-word quote is a scare quote, not speech");
  }

  @Test
  void quoteWithoutAnySpeakerIsUnattributed() {
    Quote x = find(quotes("Nobody knows what “a real cost” means in this context, and the question remains open."),
        "real cost");
    assertNull(x.speaker());
  }

  @Test
  void partyLabelBetweenNameAndVerbAndADayAfterIt() {
    Quote x = find(quotes("“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday."),
        "dog whistle");
    assertEquals("Gwen Moore", x.speaker());
    Quote y = find(quotes("“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said "
        + "Tuesday."), "veto will be");
    assertEquals("Mitch McConnell", y.speaker());
  }

  @Test
  void describedAppositiveAndDashCredit() {
    Quote x = find(quotes("“There is a severe disconnect,” Tom Flynn, a top campaign surrogate, said on Fox News."),
        "severe disconnect");
    assertEquals("Tom Flynn", x.speaker());
    Quote y = find(quotes("“He makes simple blanket statements about people.” ― Pamela Padilla"), "blanket");
    assertEquals("Pamela Padilla", y.speaker());
  }

  @Test
  void titlesInQuotesAreNotSpeech() {
    List<Quote> q = quotes("Pence said on CNN’s “State of the Union” that the plan “will not work at all.”");
    assertTrue(q.stream().noneMatch(x -> x.text().contains("State of the Union")), q.toString());
  }

  @Test
  void objectAfterAPresentTenseVerbIsNoSpeaker() {
    Quote x = find(quotes("Trump says voter fraud “would be one hell of a way to lose.”"), "hell of a way");
    assertTrue(x.speaker() == null || x.speaker().contains("Trump"), String.valueOf(x.speaker()));
  }

  @Test
  void aCuelessQuoteAfterASentenceAboutANamedPersonIsTheirs() {
    List<Quote> q = quotes("“We need a plan,” Mike Pence said on Sunday. On the same show, Bernie Sanders "
        + "identified young voters as the key. “The younger people are sick and tired of racism.”");
    assertEquals("Bernie Sanders", find(q, "younger people").speaker());
  }

  @Test
  void anUnnamedBodyTakesTheSideOfTheNearestSamePhrase() {
    Quote x = find(quotes("The US embassy in Kyiv denied the reports on Tuesday. “We are conducting normal "
        + "contingency planning,” the embassy said."), "contingency");
    assertEquals("United States", x.side());
    assertEquals("US embassy", x.role());
  }
}
