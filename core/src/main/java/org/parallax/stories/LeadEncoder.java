package org.parallax.stories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.encode.MiniLmEncoder;

/**
 * A distilled encoder of headlines and leads for the default story grouping: a 3-layer BERT of MiniLM's width and
 * vocabulary, trained on the headline-and-lead texts of AllSides and NeuS train to give the quantized
 * all-MiniLM-L6-v2's vectors, at about half its cost per text (scripts/distill/, BENCHMARKS.md, issue 17). Its
 * weights (17 MB) are not in the repository: {@code scripts/distill/train.sh} makes them, and the environment
 * variable {@value #ENV} names the file ({@link #forDefaultGrouping()}). Its vectors are not MiniLM's:
 * {@link #space()} names them, and a story embedded by another encoder is embedded again before this one compares
 * with it ({@link GatedGrouping}).
 */
public final class LeadEncoder implements Embedder {
  /** The environment variable naming the trained model file; unset, the default grouping embeds with MiniLM. */
  public static final String ENV = "PARALLAX_LEAD_ENCODER";
  /** The name of this encoder's vector space, saved with the stories it embedded. */
  public static final String SPACE = "lead-encoder-l3-1";
  static final int DIMS = 384;

  /** One thread per pass: {@link #embed} runs texts in parallel itself, as {@code MiniLmEmbedder} does. */
  private final MiniLmEncoder encoder;

  /** The model in the ONNX file {@code model} (MiniLM's inputs, output and tokenizer). */
  public LeadEncoder(Path model) {
    try {
      encoder = new MiniLmEncoder(Files.readAllBytes(model), 1);
    } catch (IOException | ParallaxException e) {
      throw new ParallaxException("cannot load the lead encoder " + model + " (" + ENV + "): "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
    }
  }

  /**
   * The default grouping's encoder: this one from the file {@value #ENV} names, else MiniLM (whose blend threshold
   * the grouping then uses, {@link StoryClusterer.Params#semanticThreshold()}).
   */
  public static Embedder forDefaultGrouping() {
    return forDefaultGrouping(MiniLmEmbedder::new);
  }

  /** The same, with {@code minilm} giving MiniLM where the caller has it loaded already. */
  public static Embedder forDefaultGrouping(java.util.function.Supplier<Embedder> minilm) {
    String file = System.getenv(ENV);
    return file == null || file.isBlank() ? minilm.get() : new LeadEncoder(Path.of(file));
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    IntStream.range(0, texts.size()).parallel().forEach(i -> out[i] = one(texts.get(i)));
    return out;
  }

  private float[] one(String text) {
    if (text.isBlank()) {
      return new float[DIMS]; // no direction: similar to nothing
    }
    return encoder.encode(text).pooled(); // a headline and 60 words fit one pass; a longer text is cut
  }

  @Override
  public String space() {
    return SPACE;
  }
}
