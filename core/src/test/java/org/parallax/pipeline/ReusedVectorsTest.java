package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.align.Embedder;

class ReusedVectorsTest {
  @Test
  void onlyTextsWithoutAKeptVectorAreEncoded() {
    List<String> asked = new ArrayList<>();
    Embedder counting = texts -> {
      asked.addAll(texts);
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[] {texts.get(i).length()};
      }
      return out;
    };
    float[] kept = {42f};
    float[][] v = new ReusedVectors(Map.of("tagged sentence", kept), counting)
        .embed(List.of("new one", "tagged sentence", "another"));
    assertEquals(List.of("new one", "another"), asked);
    assertSame(kept, v[1]);
    assertEquals(7f, v[0][0]);
    assertEquals(7f, v[2][0]);
  }
}
