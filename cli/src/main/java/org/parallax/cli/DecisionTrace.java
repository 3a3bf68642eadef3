package org.parallax.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.parallax.stories.GatedGrouping;

/**
 * Writes the default grouping's embedded decisions as tab-separated lines (for measuring the gate: `ingest` and
 * `eval stories` take it as a hidden option): article, day, candidates in the band, TF-IDF and embedding scores
 * of those compared, the story TF-IDF alone would have chosen and the one chosen, their labels, the article's text.
 */
public final class DecisionTrace implements Consumer<GatedGrouping.Decision>, AutoCloseable {
  private final BufferedWriter out;

  public DecisionTrace(Path file) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write("article\tday\tin_band\tlexical\tsemantic\theadline\tgated\tlabels\tlexical_choice\tchoice\tlexical_label\tchoice_label\tlead\n");
  }

  @Override
  public void accept(GatedGrouping.Decision d) {
    try {
      out.write(String.join("\t", d.articleId(), Long.toString(d.day()), Integer.toString(d.inBand()),
          join(d.lexical()), join(d.semantic()), join(d.headline()), Boolean.toString(d.gated()),
          d.labels().stream().map(DecisionTrace::clean).collect(Collectors.joining(" || ")), String.valueOf(d.lexicalChoice()), String.valueOf(d.choice()),
          clean(d.lexicalLabel()), clean(d.choiceLabel()), clean(d.lead())));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(double[] xs) {
    return Arrays.stream(xs).mapToObj(x -> String.format(Locale.ROOT, "%.4f", x)).collect(Collectors.joining(","));
  }

  private static String clean(String s) {
    return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
