package org.parallax.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Span;

class QuoteSpansTest {
  private static List<String> inner(String body) {
    return QuoteSpans.find(body).stream().map(s -> QuoteSpans.inner(body, s))
        .map(s -> body.substring(s.start(), s.end())).toList();
  }

  @Test
  void curlyAndStraightMarks() {
    assertEquals(List.of("We stay,", "We go."), inner("“We stay,” he said. \"We go.\""));
  }

  @Test
  void malformedMarksFromScrapedText() {
    // a paragraph opened with a closing mark, a quote closed with an opening one
    assertEquals(List.of("Mr. Trump embodies racism.", "It is over,"),
        inner("”Mr. Trump embodies racism.” ― Sonya Herridge\n\n“It is over,“ she said."));
  }

  @Test
  void doubledApostrophesAsQuotationMarks() {
    assertEquals(List.of("That makes me smart"), inner("He called it a compliment -- ''That makes me smart'' -- "
        + "and moved on."));
  }

  @Test
  void anUnclosedQuoteRunsToTheParagraphEnd() {
    List<Span> s = QuoteSpans.find("“We will continue.\n\nNext paragraph.");
    assertEquals(1, s.size());
    assertEquals("“We will continue.".length(), s.get(0).end());
  }
}
