package org.parallax.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.ParallaxException;

class LowRankModelTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static byte[] minilm;
  private static Map<String, OnnxInitializers.Tensor> tensors;
  /** MiniLM's first query matrix ([384, 384], 8-bit per output channel), as the exported graph names it. */
  private static String query;

  @BeforeAll
  static void readMiniLm() {
    minilm = MiniLmEncoder.bytes(MiniLmEncoder.MODEL);
    tensors = OnnxInitializers.read(minilm);
    query = tensors.keySet().stream().filter(n -> n.startsWith("onnx::MatMul_") && n.endsWith("_quantized"))
        .map(n -> n.substring(0, n.length() - "_quantized".length()))
        .filter(n -> tensors.get(n + "_quantized").dims()[1] == 384).sorted().findFirst().orElseThrow();
  }

  @Test
  void minilmsInitializersAreReadWithTheirShapesAndTypes() {
    OnnxInitializers.Tensor words = tensors.get("embeddings.word_embeddings.weight_quantized");
    assertArrayEquals(new long[] {30522, 384}, words.dims());
    assertEquals(OnnxInitializers.UINT8, words.dataType());
    assertEquals(30522L * 384, words.raw().remaining());
    assertEquals(384, tensors.get("embeddings.LayerNorm.weight").floats().length);
  }

  /** Zero corrections give MiniLM's quantized matrix back exactly: the requantization is quantize_dynamic's. */
  @Test
  void zeroCorrectionsGiveMiniLmsMatrixBack() throws Exception {
    Map<String, OnnxTensor> out = LowRankModel.initializers(ENV, minilm, corrections(2, new float[384 * 2 * 2]));
    try {
      assertEquals(4, out.size(), "the copied table and the matrix's three tensors");
      assertArrayEquals(bytes(tensors.get(query + "_quantized").raw()), bytes(out.get("m_quantized").getByteBuffer()));
      float[] scale = new float[384];
      out.get("m_scale").getFloatBuffer().get(scale);
      assertArrayEquals(tensors.get(query + "_scale").floats(), scale, 1e-9f);
      assertArrayEquals(bytes(tensors.get("embeddings.token_type_embeddings.weight_quantized").raw()),
          bytes(out.get("embeddings.token_type_embeddings.weight_quantized").getByteBuffer()));
    } finally {
      out.values().forEach(OnnxTensor::close);
    }
  }

  @Test
  void aCorrectionChangesTheMatrixWhereItActs() throws Exception {
    float[] ba = new float[384 * 2 * 2];
    ba[0] = 1f; // B[0][0]: output channel 0
    ba[384 * 2] = 0.5f; // A[0][0]: input 0
    Map<String, OnnxTensor> out = LowRankModel.initializers(ENV, minilm, corrections(2, ba));
    try {
      byte[] before = bytes(tensors.get(query + "_quantized").raw());
      byte[] after = bytes(out.get("m_quantized").getByteBuffer());
      assertNotEquals(before[0], after[0], "weight [input 0, output 0] moved by 0.5");
      float[] scale = new float[384];
      out.get("m_scale").getFloatBuffer().get(scale);
      float base = tensors.get(query + "_scale").floats()[0] * before[0];
      assertEquals(base + 0.5f, scale[0] * after[0], scale[0]);
      for (int i = 1; i < 384; i++) {
        assertEquals(before[i], after[i], "output channel " + i + " of input 0 is untouched");
      }
    } finally {
      out.values().forEach(OnnxTensor::close);
    }
  }

  @Test
  void damagedCorrectionsAreClearErrors() throws Exception {
    byte[] good = corrections(2, new float[384 * 2 * 2]);
    ParallaxException e = assertThrows(ParallaxException.class,
        () -> LowRankModel.initializers(ENV, minilm, "not a file".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(e.getMessage().contains("corrections"), e.getMessage());
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 10);
    e = assertThrows(ParallaxException.class, () -> LowRankModel.initializers(ENV, minilm, cut));
    assertTrue(e.getMessage().contains("past the end"), e.getMessage());
    byte[] other = corrections(2, new float[384 * 2 * 2], "onnx::MatMul_none");
    e = assertThrows(ParallaxException.class, () -> LowRankModel.initializers(ENV, minilm, other));
    assertTrue(e.getMessage().contains("onnx::MatMul_none"), e.getMessage());
    byte[] student = new String(good, StandardCharsets.ISO_8859_1).replace("all-minilm-l6-v2-q", "all-minilm-l6-v2-x")
        .getBytes(StandardCharsets.ISO_8859_1);
    e = assertThrows(ParallaxException.class, () -> LowRankModel.initializers(ENV, minilm, student));
    assertTrue(e.getMessage().contains("made for all-minilm-l6-v2-x"), e.getMessage());
  }

  @Test
  void halfPrecisionValuesDecode() {
    assertEquals(1f, LowRankModel.halfToFloat((short) 0x3c00));
    assertEquals(-2f, LowRankModel.halfToFloat((short) 0xc000));
    assertEquals(0.099975586f, LowRankModel.halfToFloat((short) 0x2e66));
    assertEquals(0x1p-24f, LowRankModel.halfToFloat((short) 0x0001));
    assertEquals(65504f, LowRankModel.halfToFloat((short) 0x7bff));
  }

  private static byte[] corrections(int rank, float[] ba) throws Exception {
    return corrections(rank, ba, query);
  }

  /** A corrections file for MiniLM's query matrix with factors B then A from {@code ba}, copying one table. */
  private static byte[] corrections(int rank, float[] ba, String base) throws Exception {
    String header = "{\"teacher\":\"all-minilm-l6-v2-q\",\"layers\":[0],\"rank\":" + rank
        + ",\"copy\":[\"embeddings.token_type_embeddings.weight_quantized\"],\"factors\":["
        + "{\"graph\":\"m\",\"base\":\"" + base + "\",\"factor\":\"B\",\"shape\":[384," + rank + "]},"
        + "{\"graph\":\"m\",\"base\":\"" + base + "\",\"factor\":\"A\",\"shape\":[" + rank + ",384]}]}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("PLXLR1\n".getBytes(StandardCharsets.US_ASCII));
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length).array());
    out.write(h);
    ByteBuffer f = ByteBuffer.allocate(ba.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : ba) {
      f.putShort(half(v));
    }
    out.write(f.array());
    return out.toByteArray();
  }

  /** float to binary16 for the few exact values these tests use (0, 0.5, 1). */
  private static short half(float v) {
    if (v == 0f) {
      return 0;
    }
    int bits = Float.floatToIntBits(v);
    int exp = ((bits >>> 23) & 0xff) - 127 + 15;
    return (short) ((bits >>> 16 & 0x8000) | exp << 10 | (bits >>> 13 & 0x3ff));
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
