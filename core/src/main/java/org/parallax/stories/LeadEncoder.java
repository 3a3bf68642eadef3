package org.parallax.stories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.encode.LowRankModel;
import org.parallax.encode.MiniLmEncoder;

/**
 * A distilled encoder of headlines and leads for the default story grouping: a 2-layer BERT of MiniLM's width and
 * vocabulary, distilled from the quantized all-MiniLM-L6-v2 on the headline-and-lead texts of AllSides and NeuS train
 * so that it gives MiniLM's vectors at under half its cost per text (scripts/distill/, BENCHMARKS.md, issue 17).
 * The default grouping embeds with it unless {@value #ENV} says otherwise: at its blend threshold (0.47) NeuS val is
 * 0.830 against MiniLM's 0.829, and the default grouping of AllSides runs at 0.54 to 0.58 of the fast mode's speed
 * with it, 0.34 to 0.41 with MiniLM (session s21).
 *
 * <p>It ships as low-rank corrections of MiniLM's own weights ({@link LowRankModel}): the graph and the corrections
 * are resources of this package (~2 MB together), and MiniLM's weights come from LangChain4j's jar when it loads.
 * The environment variable {@value #ENV} chooses the default grouping's encoder: {@value #DISTILLED} (or unset) this
 * one, {@value #MINILM} MiniLM, a path a whole ONNX model of MiniLM's inputs and output from that file. Its vectors are
 * not MiniLM's: {@link #space()} names them, and a story embedded by another encoder is embedded again before this
 * one compares with it ({@link GatedGrouping}).
 */
public final class LeadEncoder implements Embedder {
  /** The environment variable that chooses the default grouping's encoder. */
  public static final String ENV = "PARALLAX_LEAD_ENCODER";
  /** The value of {@value #ENV} that makes the default grouping embed with MiniLM. */
  public static final String MINILM = "minilm";
  /** The value of {@value #ENV} that makes the default grouping embed with the shipped distilled encoder. */
  public static final String DISTILLED = "distilled";
  /** The name of the shipped encoder's vector space, saved with the stories it embedded. */
  public static final String SPACE = "lead-encoder-l2-1";
  static final String GRAPH = "/org/parallax/stories/lead-encoder-l2.onnx";
  static final String CORRECTIONS = "/org/parallax/stories/lead-encoder-l2.bin";
  static final int DIMS = 384;

  /** One thread per pass: {@link #embed} runs texts in parallel itself, as {@code MiniLmEmbedder} does. */
  private final MiniLmEncoder encoder;
  private final String space;

  private LeadEncoder(MiniLmEncoder encoder, String space) {
    this.encoder = encoder;
    this.space = space;
  }

  /** The shipped encoder, assembled from its corrections and MiniLM's weights. */
  public static LeadEncoder shipped() {
    byte[] graph = MiniLmEncoder.bytes(GRAPH);
    byte[] corrections = MiniLmEncoder.bytes(CORRECTIONS);
    var env = ai.onnxruntime.OrtEnvironment.getEnvironment();
    Map<String, ai.onnxruntime.OnnxTensor> weights =
        LowRankModel.initializers(env, MiniLmEncoder.bytes(MiniLmEncoder.MODEL), corrections);
    return new LeadEncoder(new MiniLmEncoder(graph, 1, weights), SPACE);
  }

  /** A whole ONNX model of MiniLM's inputs, output and tokenizer, from the file {@code model}. */
  public static LeadEncoder fromFile(Path model) {
    try {
      return new LeadEncoder(new MiniLmEncoder(Files.readAllBytes(model), 1),
          "lead-encoder-file-" + model.getFileName());
    } catch (IOException | ParallaxException e) {
      throw new ParallaxException("cannot load the lead encoder " + model + " (" + ENV + "): "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
    }
  }

  /**
   * The default grouping's encoder, as {@value #ENV} says: {@value #DISTILLED} (also when unset: the shipped one,
   * blending at {@link StoryClusterer.Params#leadThreshold()}), {@value #MINILM} (the grouping then blends at
   * {@link StoryClusterer.Params#semanticThreshold()}), or the path of a whole model file.
   */
  public static Embedder forDefaultGrouping() {
    return forDefaultGrouping(MiniLmEmbedder::new);
  }

  /** The same, with {@code minilm} giving MiniLM where the caller has it loaded already. */
  public static Embedder forDefaultGrouping(java.util.function.Supplier<Embedder> minilm) {
    return forDefaultGrouping(System.getenv(ENV), minilm);
  }

  static Embedder forDefaultGrouping(String setting, java.util.function.Supplier<Embedder> minilm) {
    String s = setting == null || setting.isBlank() ? DISTILLED : setting.strip();
    if (MINILM.equalsIgnoreCase(s)) {
      return minilm.get();
    }
    return DISTILLED.equalsIgnoreCase(s) ? shipped() : fromFile(Path.of(s));
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
    return space;
  }
}
