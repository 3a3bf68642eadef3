package org.parallax.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
  private static MiniLmEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = new MiniLmEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void pooledStatesEqualLangChain4jEmbedAll() {
    List<String> texts = List.of("The harbour reopened on Tuesday after a nine-day strike.",
        "Officials said “nothing was agreed” — talks resume in Zürich next week.",
        "A short one.");
    var lc = new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(
        texts.stream().map(TextSegment::from).toList()).content();
    for (int i = 0; i < texts.size(); i++) {
      float[] ours = encoder.encode(texts.get(i)).pooled();
      float[] theirs = lc.get(i).vector();
      double norm = 0;
      for (float x : theirs) {
        norm += x * x;
      }
      assertEquals(theirs.length, ours.length);
      for (int k = 0; k < ours.length; k++) {
        assertEquals(theirs[k] / Math.sqrt(norm), ours[k], 1e-4, "text " + i + " dim " + k);
      }
    }
  }

  @Test
  void encodeWholeIsFitsThenEncodeOnOneSessionThreadAsOnTheDefault() {
    String shortText = "The harbour reopened on Tuesday after a nine-day strike.";
    String longText = "strike ".repeat(MiniLmEncoder.MAX_PIECES + 40); // one piece a word: 510 fit, 511 do not
    String edge = "strike ".repeat(MiniLmEncoder.MAX_PIECES - 1) + "strike";
    assertTrue(encoder.fits(edge));
    assertTrue(!encoder.fits(edge + " strike"));
    try (MiniLmEncoder single = new MiniLmEncoder(1)) {
      assertEquals(null, single.encodeWhole(edge + " strike"));
      assertEquals(null, single.encodeWhole(longText));
      TokenStates whole = single.encodeWhole(edge);
      assertEquals(MiniLmEncoder.MAX_PIECES + 2, whole.size());
      float[] a = single.encodeWhole(shortText).pooled();
      float[] b = encoder.encode(shortText).pooled();
      for (int k = 0; k < a.length; k++) {
        assertEquals(b[k], a[k], 1e-5, "dim " + k);
      }
    }
  }

  @Test
  void aCutTextsClosingSeparatorMapsToNoCharacters() {
    String text = "strike ".repeat(MiniLmEncoder.MAX_PIECES + 40).strip(); // one piece a word, cut at 510
    TokenStates s = encoder.encode(text);
    assertEquals(MiniLmEncoder.MAX_PIECES + 2, s.size());
    assertEquals(-1, s.starts()[s.size() - 1]); // the [SEP] put in place of the 511th word
    assertEquals(-1, s.words()[s.size() - 1]);
    assertEquals(7 * (MiniLmEncoder.MAX_PIECES - 1), s.starts()[s.size() - 2]); // the 510th word, kept
  }

  @Test
  void piecesMapToCharactersOfTheText() {
    String text = "Zürich’s “radical” mayor spoke.";
    TokenStates s = encoder.encode(text);
    assertEquals(-1, s.starts()[0]);
    assertEquals(-1, s.starts()[s.size() - 1]);
    StringBuilder joined = new StringBuilder();
    for (int i = 1; i < s.size() - 1; i++) {
      joined.append(text, s.starts()[i], s.ends()[i]).append('|');
    }
    assertTrue(joined.toString().contains("radical|"), joined.toString());
    assertTrue(joined.toString().contains("mayor|spoke|.|"), joined.toString());
    assertEquals(384, s.states()[1].length);
  }
}
