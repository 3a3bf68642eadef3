package org.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.testing.TestModels;

class LeadEncoderTest {
  private static final String STRIKE = "Militant union bosses hold Eastbridge port hostage. The Port of Eastbridge was "
      + "brought to a standstill on Monday as dockworkers began a 48-hour strike over pay, halting container traffic.";
  private static final String FRAMED = "Dockers stand firm at Eastbridge. Workers at the Port of Eastbridge walked "
      + "out on Monday for a living wage, refusing the owners' offer as ships waited in the bay.";
  private static final String OTHER = "Council approves new cycle lanes. The city council voted on Tuesday to build "
      + "twelve kilometres of protected cycle lanes in the centre by next summer.";

  /** The loading and pooling, with MiniLM's own model in the file: it must then give MiniLM's vectors. */
  @Test
  void aModelFileGivesThatModelsPooledVectorsInASpaceOfItsOwn(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model.onnx");
    Files.write(model, MiniLmEncoder.bytes(MiniLmEncoder.MODEL));
    LeadEncoder lead = LeadEncoder.fromFile(model);
    List<String> texts = List.of(STRIKE, FRAMED, OTHER);
    float[][] mine = lead.embed(texts);
    float[][] minilm = TestModels.embedder().embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(minilm[i], mine[i], 1e-5f);
    }
    assertEquals("lead-encoder-file-model.onnx", lead.space(), "its vectors are not compared with MiniLM's stories");
    assertArrayEquals(new float[LeadEncoder.DIMS], lead.embed(List.of(" "))[0], "a blank text has no direction");
  }

  @Test
  void aMissingModelFileIsAClearError(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-model.onnx");
    ParallaxException e = assertThrows(ParallaxException.class, () -> LeadEncoder.fromFile(missing));
    assertTrue(e.getMessage().contains("no-such-model.onnx"), e.getMessage());
  }

  /** The shipped encoder, assembled from its corrections and MiniLM's weights: close to MiniLM, and as useful. */
  @Test
  void theShippedEncoderIsCloseToMiniLmAndPlacesTwoFramingsOfOneEventTogether() {
    LeadEncoder lead = LeadEncoder.shipped();
    List<String> texts = List.of(STRIKE, FRAMED, OTHER);
    float[][] v = lead.embed(texts);
    float[][] minilm = TestModels.embedder().embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertTrue(Embedder.cosine(v[i], minilm[i]) > 0.8, "text " + i + ": " + Embedder.cosine(v[i], minilm[i]));
    }
    double same = Embedder.cosine(v[0], v[1]);
    assertTrue(same > Embedder.cosine(v[0], v[2]) + 0.1 && same > Embedder.cosine(v[1], v[2]) + 0.1, "" + same);
    assertEquals(LeadEncoder.SPACE, lead.space());
  }

  @Test
  void theSettingChoosesTheEncoder(@TempDir Path dir) {
    Embedder minilm = TestModels.embedder();
    assertSame(minilm, LeadEncoder.forDefaultGrouping("minilm", () -> minilm));
    assertSame(minilm, LeadEncoder.forDefaultGrouping(" MiniLM ", () -> minilm));
    assertEquals(LeadEncoder.SPACE, LeadEncoder.forDefaultGrouping("distilled", () -> minilm).space());
    assertEquals(LeadEncoder.SPACE, LeadEncoder.forDefaultGrouping(null, () -> minilm).space());
    assertEquals(LeadEncoder.SPACE, LeadEncoder.forDefaultGrouping(" ", () -> minilm).space());
    ParallaxException e = assertThrows(ParallaxException.class,
        () -> LeadEncoder.forDefaultGrouping(dir.resolve("absent.onnx").toString(), () -> minilm));
    assertTrue(e.getMessage().contains(LeadEncoder.ENV) && e.getMessage().contains("no such file"), e.getMessage());
  }
}
