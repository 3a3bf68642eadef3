package org.parallax.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.Quantity;
import org.parallax.nlp.Annotator;
import org.parallax.testing.TestModels;

class NumberExtractorTest {
  private List<Quantity> numbers(String sentence) {
    return new NumberExtractor().extract(new Annotator(TestModels.nlp()).annotate(sentence).get(0));
  }

  @Test
  void countsWithTheirNouns() {
    List<Quantity> q = numbers("Russia has deployed 70,000 troops about 185 miles from the border for two hours.");
    assertEquals(3, q.size(), q.toString());
    assertEquals(70000, q.get(0).value());
    assertEquals("troop", q.get(0).unit());
    assertEquals(185, q.get(1).value());
    assertEquals("mile", q.get(1).unit());
    assertEquals(2, q.get(2).value());
    assertEquals("hour", q.get(2).unit());
  }

  @Test
  void percentagesScalesAndNoDatesOrYears() {
    List<Quantity> q = numbers("On 7 December 2021 the union rejected a 4% offer worth 2 million euros.");
    assertEquals(2, q.size(), q.toString());
    assertEquals("percent", q.get(0).unit());
    assertEquals(2_000_000, q.get(1).value());
    assertEquals("euro", q.get(1).unit());
  }
}
