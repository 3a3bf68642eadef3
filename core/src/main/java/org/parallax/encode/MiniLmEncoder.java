package org.parallax.encode;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import org.parallax.ParallaxException;

/**
 * all-MiniLM-L6-v2 (quantized) from the LangChain4j jar on the classpath, with its tokenizer, run on ONNX Runtime
 * directly: LangChain4j only returns the pooled vector, the tagger needs every token's state. Pooling is LangChain4j's
 * (mean over every piece, special tokens included, then unit length), so {@link TokenStates#pooled()} is the vector
 * its {@code embedAll} gives. Texts past {@link #MAX_PIECES} pieces are cut there (LangChain4j would average chunks);
 * {@link #fits} tells callers which texts those are. Thread-safe: one ONNX session serves all threads.
 */
public final class MiniLmEncoder implements AutoCloseable {
  /** Word pieces per pass, special tokens excluded, as in LangChain4j. */
  public static final int MAX_PIECES = 510;
  /** MiniLM's model in LangChain4j's jar. */
  public static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final Map<String, OnnxTensor> external;

  /** With ONNX Runtime's own threads for one pass (one per core). */
  public MiniLmEncoder() {
    this(0);
  }

  /**
   * With {@code threads} of ONNX Runtime's for one pass (0: its default, one per core). 1 runs each pass on the
   * calling thread alone, for callers that run passes in parallel themselves: ONNX Runtime's own threads would
   * then be more threads than cores, waiting on each other between the model's layers.
   */
  public MiniLmEncoder(int threads) {
    this(bytes(MODEL), threads);
  }

  /**
   * Another model of MiniLM's vocabulary and output ({@code last_hidden_state}), given as the bytes of its ONNX file,
   * with MiniLM's tokenizer: a smaller encoder distilled from it.
   */
  public MiniLmEncoder(byte[] model, int threads) {
    this(model, threads, Map.of());
  }

  /**
   * The same, for a graph whose initializers in {@code external} are supplied from outside it (a model assembled
   * when it loads, {@link LowRankModel}). The encoder owns those tensors from then on and closes them with itself.
   */
  public MiniLmEncoder(byte[] model, int threads, Map<String, OnnxTensor> external) {
    this.external = external;
    try (InputStream tok = resource(TOKENIZER); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      if (!external.isEmpty()) {
        options.addExternalInitializers(new HashMap<>(external));
      }
      session = env.createSession(model, options);
      tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false", "truncation", "false"));
      typeIds = session.getInputNames().contains("token_type_ids");
    } catch (IOException | OrtException e) {
      external.values().forEach(OnnxTensor::close);
      throw new ParallaxException("cannot load the MiniLM model and tokenizer: " + e.getMessage(), e);
    }
  }

  /** The bytes of the classpath resource {@code name}: MiniLM's model, which its Maven jar carries. */
  public static byte[] bytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ParallaxException("cannot read the MiniLM resource " + name + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new ParallaxException("MiniLM resource " + name + " not on the classpath");
    }
    return in;
  }

  /** Whether {@code text} fits one pass, so that its pooled vector is LangChain4j's exactly. */
  public boolean fits(String text) {
    return tokenizer.encode(text, false, false).getIds().length <= MAX_PIECES;
  }

  /** One pass over {@code text} (not blank), cut at {@link #MAX_PIECES} pieces. */
  public TokenStates encode(String text) {
    return encode(tokenizer.encode(text, true, false));
  }

  /**
   * One pass over {@code text} (not blank) when it {@link #fits}, else null: what {@code fits} then {@code encode}
   * give, tokenizing once.
   */
  public TokenStates encodeWhole(String text) {
    Encoding e = tokenizer.encode(text, true, false);
    return e.getIds().length <= MAX_PIECES + 2 ? encode(e) : null; // + [CLS] and [SEP]
  }

  private TokenStates encode(Encoding e) {
    int n = Math.min(e.getIds().length, MAX_PIECES + 2);
    long[] ids = cut(e.getIds(), n);
    long[] mask = cut(e.getAttentionMask(), n);
    long[] types = cut(e.getTypeIds(), n);
    if (n < e.getIds().length) {
      ids[n - 1] = e.getIds()[e.getIds().length - 1]; // keep the closing [SEP]
    }
    CharSpan[] spans = e.getCharTokenSpans();
    int[] starts = new int[n];
    int[] ends = new int[n];
    int[] words = new int[n];
    for (int i = 0; i < n; i++) {
      // The last position of a cut text holds the [SEP] put in place of a word: it maps to no characters.
      boolean special = e.getSpecialTokenMask()[i] == 1 || spans[i] == null
          || (i == n - 1 && n < e.getIds().length);
      starts[i] = special ? -1 : spans[i].getStart();
      ends[i] = special ? -1 : spans[i].getEnd();
      words[i] = special ? -1 : (int) e.getWordIds()[i];
    }
    float[][] states = run(ids, mask, types);
    return new TokenStates(states, starts, ends, words, meanNormalised(states));
  }

  private float[][] run(long[] ids, long[] mask, long[] types) {
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> in = new HashMap<>();
    try {
      in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result r = session.run(in)) {
        return ((float[][][]) r.get(0).getValue())[0];
      }
    } catch (OrtException ex) {
      throw new ParallaxException("MiniLM encoder failed: " + ex.getMessage(), ex);
    } finally {
      in.values().forEach(OnnxTensor::close);
    }
  }

  private static long[] cut(long[] a, int n) {
    return n == a.length ? a : java.util.Arrays.copyOf(a, n);
  }

  /** The mean of the states, scaled to unit length: LangChain4j's mean pooling followed by our normalisation. */
  static float[] meanNormalised(float[][] states) {
    int d = states[0].length;
    float[] mean = new float[d];
    for (float[] s : states) {
      for (int k = 0; k < d; k++) {
        mean[k] += s[k];
      }
    }
    double norm = 0;
    for (int k = 0; k < d; k++) {
      mean[k] /= states.length;
      norm += mean[k] * mean[k];
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < d && norm > 0; k++) {
      mean[k] = (float) (mean[k] / norm);
    }
    return mean;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ParallaxException("cannot close the MiniLM session", e);
    } finally {
      external.values().forEach(OnnxTensor::close);
    }
    tokenizer.close();
  }
}
