package org.parallax.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Span;
import org.parallax.testing.TestModels;

class ClaimAlignerTest {
  private static Claim claim(String article, int i, String text) {
    return new Claim(article, i, new Span(0, text.length()), text, List.of(), null, null, false);
  }

  @Test
  void paraphrasesAcrossArticlesFormOneGroupAndStatusFollowsCoverage() {
    List<Claim> claims = List.of(
        claim("a", 0, "Dockworkers at the port began a 48-hour strike on Monday over pay."),
        claim("b", 0, "Dock labourers at the port commenced a two-day walkout on Monday over wages."),
        claim("c", 0, "Port workers began a 48-hour walkout on Monday in a dispute over pay."),
        claim("a", 1, "The mayor opened a new library in the town centre."),
        claim("b", 1, "Eleven container ships were waiting at anchor outside the harbour."),
        claim("c", 1, "Eleven cargo vessels were anchored outside the harbour waiting to unload."));
    ClaimVectors v = new ClaimVectors(claims, TestModels.embedder());
    ClaimAligner.Alignment al = new ClaimAligner(ParallaxConfig.defaults().claimSimilarity(), 0.5).align(claims, v, 3);
    ClaimGroup strike = al.groups().get(0);
    assertEquals(ClaimStatus.CONSENSUS, strike.status(), al.groups().toString());
    assertEquals(List.of("a", "b", "c"), strike.articles().stream().sorted().toList());
    ClaimGroup ships = al.groups().stream().filter(g -> g.text().contains("anchor")).findFirst().orElseThrow();
    assertEquals(ClaimStatus.CONSENSUS, ships.status(), "2 of 3 articles is most outlets");
    ClaimGroup library = al.groups().stream().filter(g -> g.text().contains("library")).findFirst().orElseThrow();
    assertEquals(ClaimStatus.UNIQUE, library.status());
  }
}
