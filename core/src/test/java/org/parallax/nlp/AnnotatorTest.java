package org.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Sentence;
import org.parallax.model.Token;
import org.parallax.testing.TestModels;

class AnnotatorTest {
  @Test
  void sentencesStayInsideParagraphsAndSpansIndexTheBody() {
    String body = "Dockworkers walked out on Monday. The port was closed\n\nTalks resume on Thursday, officials said.";
    List<Sentence> s = new Annotator(TestModels.nlp()).annotate(body);
    assertEquals(3, s.size(), s.toString());
    assertEquals(1, s.get(2).paragraph());
    for (Sentence x : s) {
      assertEquals(x.text(), body.substring(x.span().start(), x.span().end()));
      for (Token t : x.tokens()) {
        assertEquals(t.text(), body.substring(t.span().start(), t.span().end()));
      }
    }
  }

  @Test
  void newsTitlesAndStateLabelsDoNotEndSentences() {
    String body = "Rep. Roger Williams (R-Texas) was shot in the leg. Sen. Dianne Feinstein (D-Calif.) said she was "
        + "shocked. Gov. Andrew Cuomo signed it. The bill passed in Sacramento, Calif. on Tuesday. It goes to the "
        + "U.S. Senate next.";
    List<Sentence> s = new Annotator(TestModels.nlp()).annotate(body);
    assertEquals(5, s.size(), s.stream().map(Sentence::text).toList().toString());
    assertTrue(s.get(0).text().startsWith("Rep. Roger Williams"), s.get(0).text());
    assertTrue(s.get(1).text().startsWith("Sen. Dianne") && s.get(1).text().endsWith("shocked."), s.get(1).text());
    assertTrue(s.get(3).text().endsWith("on Tuesday."), s.get(3).text());
  }

  @Test
  void curlyQuotesAreTaggedLikeStraightOnes() {
    Annotator a = new Annotator(TestModels.nlp());
    List<Token> curly = a.annotate("Reporters met Putin’s adviser, who said “no” twice.").get(0).tokens();
    List<Token> straight = a.annotate("Reporters met Putin's adviser, who said \"no\" twice.").get(0).tokens();
    assertEquals(straight.stream().map(Token::pos).toList(), curly.stream().map(Token::pos).toList());
    assertEquals("Putin’s", curly.get(2).text(), "token text stays as written");
  }

  @Test
  void identifiesLanguages() {
    LanguageIdentifier id = new LanguageIdentifier(TestModels.nlp());
    assertEquals("en", id.identify("The council said on Friday that the bridge would reopen next week."));
    assertEquals("de", id.identify("Die Hafenarbeiter in Hamburg haben am Montag die Arbeit niedergelegt, "
        + "weil die Verhandlungen über höhere Löhne gescheitert sind. Der Betreiber sprach von einem fairen Angebot."));
    assertEquals("fr", id.identify("Les dockers du port de Marseille ont entamé lundi une grève de deux jours "
        + "pour réclamer des hausses de salaire, selon le syndicat."));
  }
}
