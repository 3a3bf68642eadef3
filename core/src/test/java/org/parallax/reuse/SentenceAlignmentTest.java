package org.parallax.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.ArticleFeatures;
import org.parallax.model.Article;

class SentenceAlignmentTest {
  private static char[] sketch(String body) {
    return ArticleFeatures.of(new Article("x", null, null, null, null, null, null, "en", body, List.of()))
        .fingerprint().sketch();
  }

  @Test
  void theSameSentencesInAnotherOrderAreMatchedButNotOrdered() {
    String[] s = {"Dockworkers at the Port of Eastbridge walked off the job on Monday morning.",
        "The union said 1,200 members joined the strike after pay talks collapsed.",
        "Shipping companies began diverting vessels to the ports of Westhaven and Northmoor.",
        "Transport minister Lukas Brandt urged both sides to resume talks on Wednesday."};
    SentenceAlignment same = SentenceAlignment.of(sketch(String.join(" ", s)), sketch(String.join(" ", s)));
    assertEquals(4, same.sentences());
    assertEquals(4, same.ordered());
    assertEquals(4, same.verbatim());
    SentenceAlignment shuffled = SentenceAlignment.of(sketch(String.join(" ", s)),
        sketch(String.join(" ", s[3], s[2], s[1], s[0])));
    assertEquals(4, shuffled.matched());
    assertEquals(1, shuffled.ordered());
  }

  @Test
  void longestIncreasingRun() {
    assertEquals(3, SentenceAlignment.longestIncreasing(new int[] {5, 1, 2, 9, 3}, 4));
    assertEquals(1, SentenceAlignment.longestIncreasing(new int[] {4, 4, 4}, 3));
    assertEquals(0, SentenceAlignment.longestIncreasing(new int[0], 0));
  }

  @Test
  void jaccardOfSortedSets() {
    assertEquals(0.5, SentenceAlignment.jaccard(new char[] {1, 2, 3}, new char[] {2, 3, 4}), 1e-9);
    assertTrue(SentenceAlignment.jaccard(new char[0], new char[0]) == 0);
  }
}
