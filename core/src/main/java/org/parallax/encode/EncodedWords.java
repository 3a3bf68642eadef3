package org.parallax.encode;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one encoded text, each with its character span (shifted by the text's offset in its document) and
 * the mean state of its word pieces: the unit the loaded-language tagger labels.
 */
public record EncodedWords(int[] starts, int[] ends, float[][] states) {
  public int size() {
    return starts.length;
  }

  /** Groups the pieces of {@code t} into words; {@code offset} is where the encoded text starts in the document. */
  public static EncodedWords of(TokenStates t, int offset) {
    List<int[]> groups = new ArrayList<>(); // first piece, last piece
    for (int i = 0; i < t.size(); i++) {
      if (t.words()[i] < 0) {
        continue;
      }
      int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null && t.words()[last[1]] == t.words()[i]) {
        last[1] = i;
      } else {
        groups.add(new int[] {i, i});
      }
    }
    int n = groups.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    float[][] states = new float[n][];
    for (int w = 0; w < n; w++) {
      int a = groups.get(w)[0];
      int b = groups.get(w)[1];
      starts[w] = offset + t.starts()[a];
      ends[w] = offset + t.ends()[b];
      float[] mean = new float[t.states()[a].length];
      for (int i = a; i <= b; i++) {
        for (int k = 0; k < mean.length; k++) {
          mean[k] += t.states()[i][k];
        }
      }
      for (int k = 0; k < mean.length; k++) {
        mean[k] /= b - a + 1;
      }
      states[w] = mean;
    }
    return new EncodedWords(starts, ends, states);
  }
}
