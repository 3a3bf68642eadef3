package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parallax.cli.ExitCodes;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.model.Report;
import org.parallax.model.SummarySentence;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.NlpModels;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The neutral summary against the NeuS editors' summaries ({@code SPLIT.target}, the text after its title): mean
 * ROUGE-1/2/L F1 of Parallax's summary of each event's three articles, beside an extractive LexRank baseline run
 * here on the same articles with the same word budget (IDF from the split's articles), and how many summaries are
 * empty.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Neutral summary: ROUGE against NeuS editors' summaries, beside a LexRank baseline.")
public final class SummaryEval implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/neus", description = "NeuS folder (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--split", defaultValue = "val", description = "val or train (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--limit", description = "Only the first N events.")
  Integer limit;

  @Option(names = "--config", description = "Pipeline configuration (JSON) to measure instead of the defaults.")
  Path config;

  @Option(names = "--show", description = "Print each event's summaries and reference.")
  boolean show;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path source = data.resolve(split + ".source");
    Path target = data.resolve(split + ".target");
    if (!Files.isRegularFile(source) || !Files.isRegularFile(target)) {
      spec.commandLine().getErr().println("eval summary: " + source + " or " + target + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    List<List<Document>> events = NeusClusters.read(source, "e", null);
    List<String> refs = Files.readAllLines(target, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .map(l -> l.contains("ARTICLE=>") ? l.substring(l.indexOf("ARTICLE=>") + 9).strip() : l.strip()).toList();
    int n = limit == null ? events.size() : Math.min(limit, events.size());
    ParallaxConfig cfg = org.parallax.cli.AnalyzeCommand.loadConfig(config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    NlpModels models = NlpModels.load();
    Annotator annotator = new Annotator(models);
    Map<String, Double> idf = idf(events, annotator);
    double[] ours = new double[3];
    double[] lex = new double[3];
    int empty = 0;
    long words = 0;
    try (Parallax parallax = new Parallax(cfg, models, new org.parallax.align.MiniLmEmbedder(),
        Runtime.getRuntime().availableProcessors())) {
      for (int e = 0; e < n; e++) {
        Report r = parallax.analyze(new IngestResult(events.get(e), List.of()), new StageTimes());
        String summary = String.join(" ", r.summary().stream().map(SummarySentence::sentence).toList());
        if (summary.isBlank()) {
          empty++;
        }
        int budget = Math.max(20, summary.split("\\s+").length);
        words += summary.isBlank() ? 0 : summary.split("\\s+").length;
        List<String> sentences = new ArrayList<>();
        for (Document d : events.get(e)) {
          annotator.annotate(d.content()).forEach(s -> sentences.add(s.text()));
        }
        String baseline = String.join(" ", LexRank.summarize(sentences, idf, budget));
        add(ours, Rouge.score(summary, refs.get(e)));
        add(lex, Rouge.score(baseline, refs.get(e)));
        if (show) {
          out.println("== event " + e + "\n  ours:    " + summary + "\n  lexrank: " + baseline + "\n  editors: "
              + refs.get(e));
        }
      }
    }
    out.printf(Locale.ROOT, "NeuS %s: %d events; ROUGE F1 x100 (stemmed), summary words %.1f on average%n", split, n,
        words / (double) n);
    out.printf(Locale.ROOT, "  Parallax  R-1 %.1f  R-2 %.1f  R-L %.1f   (%d empty)%n", 100 * ours[0] / n,
        100 * ours[1] / n, 100 * ours[2] / n, empty);
    out.printf(Locale.ROOT, "  LexRank   R-1 %.1f  R-2 %.1f  R-L %.1f   (same word budget)%n", 100 * lex[0] / n,
        100 * lex[1] / n, 100 * lex[2] / n);
    return ExitCodes.OK;
  }

  private static void add(double[] sum, Rouge.Score s) {
    sum[0] += s.r1();
    sum[1] += s.r2();
    sum[2] += s.rl();
  }

  private static Map<String, Double> idf(List<List<Document>> events, Annotator annotator) {
    Map<String, Integer> df = new HashMap<>();
    int docs = 0;
    for (List<Document> e : events) {
      for (Document d : e) {
        docs++;
        Set<String> seen = new HashSet<>(Rouge.tokens(d.content()));
        seen.forEach(t -> df.merge(t, 1, Integer::sum));
      }
    }
    Map<String, Double> out = new HashMap<>();
    for (Map.Entry<String, Integer> x : df.entrySet()) {
      out.put(x.getKey(), Math.log((docs + 1.0) / (x.getValue() + 1.0)) + 1);
    }
    return out;
  }
}
