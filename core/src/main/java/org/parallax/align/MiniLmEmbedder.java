package org.parallax.align;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.parallax.encode.MiniLmEncoder;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process on ONNX Runtime from the model inside its Maven jar. Chosen over
 * bge-small for speed (about twice the sentences per second here), which sets the pipeline's pace. Texts go through
 * our {@link MiniLmEncoder} (the pass the loaded-language tagger shares, same vectors as LangChain4j's model); a text
 * too long for one pass goes to LangChain4j's model, which averages its chunks, loaded only then.
 */
public final class MiniLmEmbedder implements Embedder {
  /** One thread per pass: {@link #embed} runs the texts in parallel itself (BENCHMARKS.md, issue 17). */
  private final MiniLmEncoder encoder = new MiniLmEncoder(1);
  private volatile EmbeddingModel chunking;

  /** The encoder behind this embedder, for stages that want its token states too. */
  public MiniLmEncoder encoder() {
    return encoder;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    // Texts in parallel, as LangChain4j's embedAll does: one ONNX session, two callers keep both cores busy.
    java.util.stream.IntStream.range(0, texts.size()).parallel().forEach(i -> out[i] = one(texts.get(i)));
    return out;
  }

  private float[] one(String text) {
    org.parallax.encode.TokenStates whole = text.isBlank() ? null : encoder.encodeWhole(text);
    if (whole != null) {
      return whole.pooled();
    }
    return normalize(chunking().embed(TextSegment.from(text)).content().vector());
  }

  private EmbeddingModel chunking() {
    if (chunking == null) {
      synchronized (this) {
        if (chunking == null) {
          chunking = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
      }
    }
    return chunking;
  }

  private static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
