package org.parallax.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Reuse;
import org.parallax.model.Span;
import org.parallax.testing.TestModels;

class ClaimAlignerTest {
  private static Claim claim(String article, int i, String text) {
    return new Claim(article, i, new Span(0, text.length()), text, List.of(), null, null, false);
  }

  @Test
  void statementsOfTheSameEventFormOneGroupButSameTopicOtherPointStaysApart() {
    List<Claim> claims = List.of(
        claim("a", 0, "Dockworkers at the Port of Eastbridge began a 48-hour strike on Monday over pay."),
        claim("b", 0, "Dockworkers at the Port of Eastbridge walked out on Monday in a 48-hour strike over pay."),
        claim("c", 0, "Port of Eastbridge dockworkers began a 48-hour strike over pay on Monday morning."),
        claim("a", 1, "The mayor opened a new library in the town centre."),
        claim("b", 1, "Eleven container ships were waiting at anchor outside the harbour on Monday."),
        claim("c", 1, "Eleven container ships waited at anchor outside the harbour by Monday evening."),
        claim("d", 0, "Dockworkers at the Port of Eastbridge voted last year to accept a three-year pay deal."));
    ClaimVectors v = new ClaimVectors(claims, TestModels.embedder());
    ParallaxConfig cfg = ParallaxConfig.defaults();
    ClaimAligner.Alignment al = new ClaimAligner(cfg.claimSimilarity(), cfg.claimAgreement(), 0.5).align(claims, v, 4);
    ClaimGroup strike = al.groups().get(0);
    assertEquals(List.of("a", "b", "c"), strike.articles().stream().sorted().toList(), al.groups().toString());
    assertEquals(ClaimStatus.CONSENSUS, strike.status(), "3 of 4 articles");
    ClaimGroup ships = al.groups().stream().filter(g -> g.text().contains("anchor")).findFirst().orElseThrow();
    assertEquals(ClaimStatus.PARTIAL, ships.status(), "2 of 4 articles is not most");
    ClaimGroup vote = al.groups().stream().filter(g -> g.text().contains("voted")).findFirst().orElseThrow();
    assertEquals(List.of("d"), vote.articles(), "same names, another point: not the strike");
    ClaimGroup library = al.groups().stream().filter(g -> g.text().contains("library")).findFirst().orElseThrow();
    assertEquals(ClaimStatus.UNIQUE, library.status());
  }

  @Test
  void copiesOfOneTextCountAsOneIndependentSource() {
    List<Claim> claims = List.of(
        claim("wire", 0, "Dockworkers at the Port of Eastbridge began a 48-hour strike on Monday over pay."),
        claim("spin", 0, "Dockworkers at the Port of Eastbridge started a 48-hour strike on Monday over pay."),
        claim("own", 0, "The company said the mayor opened a new library in the town centre."));
    ClaimVectors v = new ClaimVectors(claims, TestModels.embedder());
    ParallaxConfig cfg = ParallaxConfig.defaults();
    Independence copies = new Independence(List.of(
        new Reuse("wire", "spin", 0.9, 0.2, "rewrite", "wire", List.of())));
    ClaimAligner.Alignment al = new ClaimAligner(cfg.claimSimilarity(), cfg.claimAgreement(), 0.5)
        .align(claims, v, 3, copies, List.of("wire", "spin", "own"));
    ClaimGroup strike = al.groups().get(0);
    assertEquals(2, strike.articles().size(), al.groups().toString());
    assertEquals(1, strike.independent());
    assertEquals(ClaimStatus.UNIQUE, strike.status(), "one source, copied");
    assertEquals(List.of(new ClaimGroup.CopyNote("spin", "wire", "rewrite", true)), strike.copies());
  }
}
