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
  void aSharedBlockInOnePartOfTheTextIsNotSpreadThroughIt() {
    String[] own = {"The council of Westhaven approved a new budget for schools on Thursday evening.",
        "Mayor Ines Dalca said the plan would hire 300 teachers across the northern districts.",
        "Opposition councillors criticised the rising debt and voted against the whole proposal.",
        "The budget passed by 31 votes to 24 after a debate lasting most of the afternoon.",
        "Teachers unions welcomed the hiring plan but asked for higher salaries next year."};
    String[] box = {"Dockworkers at the Port of Eastbridge walked off the job on Monday morning.",
        "The union said 1,200 members joined the strike after pay talks collapsed.",
        "Shipping companies began diverting vessels to the ports of Westhaven and Northmoor."};
    String a = String.join(" ", own) + " " + String.join(" ", box);
    String b = "Harbour news from Northmoor today brings several unrelated items for readers. "
        + String.join(" ", box) + " Fishing crews reported a good season with large catches of cod and herring.";
    SentenceAlignment al = SentenceAlignment.of(sketch(a), sketch(b));
    assertEquals(3, al.ordered());
    assertEquals(0.0, al.spread(), 1e-9, "the first third of the shorter text is its own");
  }

  @Test
  void theChainMarksOneLongestIncreasingRun() {
    boolean[] in = SentenceAlignment.chain(new int[] {5, 1, 2, 9, 3}, 5);
    assertEquals(3, SentenceAlignment.longestIncreasing(new int[] {5, 1, 2, 9, 3}, 5));
    int count = 0;
    for (boolean b : in) {
      count += b ? 1 : 0;
    }
    assertEquals(3, count);
    assertTrue(!in[0] && in[1] && in[2]);
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
