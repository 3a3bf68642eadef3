package org.parallax.encode;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.ParallaxException;

/**
 * A model shipped as low-rank corrections of MiniLM's own weights, assembled when it loads: every weight matrix of
 * the shipped graph is one of the quantized all-MiniLM-L6-v2's matrices (from LangChain4j's jar, already on the
 * classpath) plus a product {@code B·A} of small rank, quantized again per output channel exactly as ONNX Runtime's
 * {@code quantize_dynamic} quantized MiniLM; its embedding tables are MiniLM's unchanged. So a distilled encoder costs
 * the repository ~2 MB instead of its 17 MB of weights ({@code scripts/distill/lowrank.py} trains it,
 * {@code pack.py} writes both files).
 *
 * <p>The corrections file: the ASCII magic {@code PLXLR1\n}, a little-endian int32 length, a JSON header of that
 * length, then the factors as little-endian float16 arrays in the header's order. Each factor names the graph's
 * initializer it makes ({@code graph}), MiniLM's it corrects ({@code base}), which factor it is ({@code B}, shaped
 * [out, rank], or {@code A}, [rank, in]) and its shape; {@code copy} lists MiniLM's tensors the graph takes as they
 * are.
 */
public final class LowRankModel {
  private static final byte[] MAGIC = "PLXLR1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER = 1 << 20;
  /** The model whose weights the corrections apply to: LangChain4j's quantized all-MiniLM-L6-v2. */
  private static final String TEACHER = "all-minilm-l6-v2-q";
  /**
   * The 8-bit range of the weights: ±64 ("reduce_range"), as LangChain4j's MiniLM was quantized; it keeps the
   * products of ONNX Runtime's u8·s8 kernels from saturating on processors without VNNI.
   */
  private static final int QMAX = 64;

  /** The header of a corrections file. */
  public record Header(String teacher, List<Integer> layers, int rank, List<String> copy, List<Factor> factors) {}

  /** One factor's entry in the header. */
  public record Factor(String graph, String base, String factor, List<Integer> shape) {
    int count() {
      return shape.stream().mapToInt(Integer::intValue).reduce(1, (a, b) -> a * b);
    }
  }

  private LowRankModel() {}

  /**
   * The tensors the graph takes from outside, by initializer name: MiniLM's embedding tables and the corrected,
   * requantized weight matrices. {@code teacher} is the bytes of MiniLM's ONNX file, {@code corrections} those of
   * the corrections file. The caller owns the tensors and closes them after the session that uses them.
   */
  public static Map<String, OnnxTensor> initializers(OrtEnvironment env, byte[] teacher, byte[] corrections) {
    ByteBuffer in = ByteBuffer.wrap(corrections).order(ByteOrder.LITTLE_ENDIAN);
    Header header = header(in);
    if (!TEACHER.equals(header.teacher())) {
      throw new ParallaxException("lead encoder corrections: made for " + header.teacher() + ", not " + TEACHER);
    }
    Map<String, OnnxInitializers.Tensor> base = OnnxInitializers.read(teacher);
    Map<String, OnnxTensor> out = new LinkedHashMap<>();
    try {
      for (String name : header.copy()) {
        OnnxInitializers.Tensor t = need(base, name);
        out.put(name, tensor(env, t.raw(), t.dims(), type(t)));
      }
      List<Factor> factors = header.factors();
      if (factors.size() % 2 != 0) {
        throw new ParallaxException("lead encoder corrections: factors come in pairs (B, A), got " + factors.size());
      }
      for (int f = 0; f < factors.size(); f += 2) {
        Factor b = factors.get(f);
        Factor a = factors.get(f + 1);
        float[] bv = halves(in, b);
        float[] av = halves(in, a);
        if (!"B".equals(b.factor()) || !"A".equals(a.factor()) || !b.graph().equals(a.graph())
            || b.shape().size() != 2 || a.shape().size() != 2 || !b.shape().get(1).equals(a.shape().get(0))) {
          throw new ParallaxException("lead encoder corrections: factors " + f + " and " + (f + 1)
              + " are not a B [out, rank] and A [rank, in] pair of one matrix");
        }
        corrected(env, base, b.base(), b.graph(), bv, av, b.shape().get(0), a.shape().get(1), a.shape().get(0), out);
      }
      if (in.hasRemaining()) {
        throw new ParallaxException("lead encoder corrections: " + in.remaining() + " bytes after the last factor");
      }
      return out;
    } catch (RuntimeException e) {
      out.values().forEach(OnnxTensor::close);
      throw e;
    }
  }

  private static Header header(ByteBuffer in) {
    byte[] magic = new byte[MAGIC.length];
    if (in.remaining() < MAGIC.length + 4) {
      throw new ParallaxException("lead encoder corrections: file too short");
    }
    in.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new ParallaxException("lead encoder corrections: not a corrections file (bad magic)");
    }
    int n = in.getInt();
    if (n <= 0 || n > MAX_HEADER || n > in.remaining()) {
      throw new ParallaxException("lead encoder corrections: bad header length " + n);
    }
    byte[] json = new byte[n];
    in.get(json);
    try {
      return new ObjectMapper().readValue(json, Header.class);
    } catch (java.io.IOException e) {
      throw new ParallaxException("lead encoder corrections: unreadable header: " + e.getMessage(), e);
    }
  }

  /**
   * MiniLM's matrix {@code base} ([in, out], 8-bit per output channel) plus {@code (B·A)ᵀ}, quantized again per
   * output channel, symmetric, as {@code quantize_dynamic(per_channel=True, reduce_range=True)} does:
   * scale = 2·absmax / 128 (float), zero point 0, values rounded half to even into [-64, 64].
   */
  private static void corrected(OrtEnvironment env, Map<String, OnnxInitializers.Tensor> teacher, String base,
      String graph, float[] b, float[] a, int out, int in, int rank, Map<String, OnnxTensor> into) {
    OnnxInitializers.Tensor q = need(teacher, base + "_quantized");
    float[] scale = need(teacher, base + "_scale").floats();
    int[] zero = need(teacher, base + "_zero_point").ints();
    if (q.dims().length != 2 || q.dims()[0] != in || q.dims()[1] != out || scale.length != out
        || zero.length != out) {
      throw new ParallaxException("lead encoder corrections: MiniLM's " + base + " is not [" + in + ", " + out + "]");
    }
    int[] qv = q.ints();
    float[] at = new float[in * rank]; // A transposed, so that the inner loop reads both factors in order
    for (int k = 0; k < rank; k++) {
      for (int i = 0; i < in; i++) {
        at[i * rank + k] = a[k * in + i];
      }
    }
    float[] w = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        float d = 0;
        for (int k = 0; k < rank; k++) {
          d += b[o * rank + k] * at[i * rank + k];
        }
        w[i * out + o] = (qv[i * out + o] - zero[o]) * scale[o] + d;
      }
    }
    float[] s = new float[out];
    for (int o = 0; o < out; o++) {
      float max = 0;
      for (int i = 0; i < in; i++) {
        max = Math.max(max, Math.abs(w[i * out + o]));
      }
      s[o] = max < Float.MIN_NORMAL ? 1f : (float) ((double) (max + max) / (2 * QMAX));
    }
    ByteBuffer values = ByteBuffer.allocateDirect(in * out);
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        values.put((byte) Math.max(-QMAX, Math.min(QMAX, Math.rint(w[i * out + o] / s[o]))));
      }
    }
    values.flip();
    ByteBuffer scales = ByteBuffer.allocateDirect(out * 4).order(ByteOrder.LITTLE_ENDIAN);
    scales.asFloatBuffer().put(s);
    into.put(graph + "_quantized", tensor(env, values, new long[] {in, out}, OnnxJavaType.INT8));
    into.put(graph + "_scale", tensor(env, scales, new long[] {out}, OnnxJavaType.FLOAT));
    into.put(graph + "_zero_point", tensor(env, ByteBuffer.allocateDirect(out), new long[] {out}, OnnxJavaType.INT8));
  }

  private static float[] halves(ByteBuffer in, Factor f) {
    int n = f.count();
    if (n <= 0 || (long) n * 2 > in.remaining()) {
      throw new ParallaxException("lead encoder corrections: factor " + f.factor() + " of " + f.graph()
          + " runs past the end of the file");
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = halfToFloat(in.getShort());
    }
    return out;
  }

  /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(short h) {
    int sign = (h >>> 15) & 1;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    float v;
    if (exp == 0) {
      v = mant * 0x1p-24f; // subnormal
    } else if (exp == 31) {
      v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      v = Float.intBitsToFloat((exp + 112) << 23 | mant << 13);
    }
    return sign == 1 ? -v : v;
  }

  private static OnnxInitializers.Tensor need(Map<String, OnnxInitializers.Tensor> teacher, String name) {
    OnnxInitializers.Tensor t = teacher.get(name);
    if (t == null) {
      throw new ParallaxException("lead encoder corrections: MiniLM's model has no tensor " + name
          + " (another version of LangChain4j's all-minilm-l6-v2-q?)");
    }
    return t;
  }

  private static OnnxJavaType type(OnnxInitializers.Tensor t) {
    return switch (t.dataType()) {
      case OnnxInitializers.FLOAT -> OnnxJavaType.FLOAT;
      case OnnxInitializers.UINT8 -> OnnxJavaType.UINT8;
      case OnnxInitializers.INT8 -> OnnxJavaType.INT8;
      default -> throw new ParallaxException("tensor " + t.name() + ": ONNX type " + t.dataType() + " not supported");
    };
  }

  private static OnnxTensor tensor(OrtEnvironment env, ByteBuffer data, long[] dims, OnnxJavaType type) {
    try {
      if (type == OnnxJavaType.FLOAT) { // ONNX's bytes are little-endian; ONNX Runtime reads native order
        FloatBuffer fb = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        FloatBuffer nb = ByteBuffer.allocateDirect(fb.remaining() * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        nb.put(fb).flip();
        return OnnxTensor.createTensor(env, nb, dims);
      }
      ByteBuffer direct = data;
      if (!data.isDirect()) {
        direct = ByteBuffer.allocateDirect(data.remaining());
        direct.put(data.duplicate()).flip();
      }
      return OnnxTensor.createTensor(env, direct, dims, type);
    } catch (OrtException e) {
      throw new ParallaxException("cannot make tensor for the lead encoder: " + e.getMessage(), e);
    }
  }
}
