package org.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;

/**
 * Sentence spans of a body: never across paragraphs (blank lines), abbreviations rejoined ({@link Abbreviations}).
 * {@link Annotator} walks a body with it and adds tokens and part-of-speech tags; alone it serves lexical comparisons
 * of sentences, which need neither (those are most of the annotator's cost). Not thread-safe: one instance per thread.
 */
public final class SentenceSplitter {
  /** Takes one sentence {@code [from, to)} of paragraph {@code paragraph}; false stops the walk. */
  @FunctionalInterface
  public interface Sink {
    boolean accept(int from, int to, int paragraph);
  }

  private final SentenceDetectorME detector;

  public SentenceSplitter(NlpModels models) {
    this.detector = new SentenceDetectorME(models.sentences);
  }

  /** [start, end) of each sentence in reading order, at most {@code max} of them. */
  public List<int[]> split(String body, int max) {
    List<int[]> out = new ArrayList<>();
    walk(body, (from, to, paragraph) -> {
      if (out.size() >= max) {
        return false;
      }
      out.add(new int[] {from, to});
      return true;
    });
    return out;
  }

  /**
   * Each sentence of {@code body} in reading order, with its paragraph's number (counting non-blank paragraphs),
   * until {@code sink} says stop. Returns false when it was stopped.
   */
  public boolean walk(String body, Sink sink) {
    int paragraph = 0;
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf("\n\n", start);
      if (end < 0) {
        end = body.length();
      }
      String para = body.substring(start, end);
      if (!para.isBlank()) {
        for (int[] s : Abbreviations.rejoin(para, detector.sentPosDetect(para))) {
          if (!sink.accept(start + s[0], start + s[1], paragraph)) {
            return false;
          }
        }
        paragraph++;
      }
      start = end + 2;
    }
    return true;
  }
}
