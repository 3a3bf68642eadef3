package org.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;

/**
 * Sentence spans of a body only, by the same rules as {@link Annotator} (never across paragraphs, abbreviations
 * rejoined) but without tokens or part-of-speech tags: those are most of the annotator's cost, and a lexical
 * comparison of sentences needs none of them. Not thread-safe: one instance per thread.
 */
public final class SentenceSplitter {
  private final SentenceDetectorME detector;

  public SentenceSplitter(NlpModels models) {
    this.detector = new SentenceDetectorME(models.sentences);
  }

  /** [start, end) of each sentence in reading order, at most {@code max} of them. */
  public List<int[]> split(String body, int max) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    while (start < body.length() && out.size() < max) {
      int end = body.indexOf("\n\n", start);
      if (end < 0) {
        end = body.length();
      }
      String para = body.substring(start, end);
      if (!para.isBlank()) {
        for (int[] s : Abbreviations.rejoin(para, detector.sentPosDetect(para))) {
          if (out.size() >= max) {
            break;
          }
          out.add(new int[] {start + s[0], start + s[1]});
        }
      }
      start = end + 2;
    }
    return out;
  }
}
