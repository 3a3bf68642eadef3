package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.cli.ExitCodes;
import org.parallax.cli.train.StateCache;
import org.parallax.cli.train.TaggerData;
import org.parallax.encode.EncodedWords;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.framing.LoadedLanguageDetector;
import org.parallax.framing.LoadedTagger;
import org.parallax.model.LoadedTerm;
import org.parallax.quotes.QuoteSpans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Loaded language and name calling on the SemEval-2020 PTC corpus: the trained tagger (shipped head) and, in the
 * same run, the lexicon baseline, on one split of ours ({@code eval/ptc/split.tsv}). Both techniques count as one
 * (a span of either is a hit), under the overlap rule and the strict rule ({@link SpanScores}); the lexicon's rows
 * per technique are kept as before. PTC labels propaganda inside quotations too, so by default nothing is skipped;
 * --skip-quotes measures what the report does.
 */
@Command(name = "loaded", mixinStandardHelpOptions = true,
    description = "Loaded language and name calling: span P/R/F1 on the PTC propaganda corpus, tagger and lexicon.")
public final class LoadedLanguageEval implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/ptc",
      description = "PTC folder with articles/ and labels-technique/ (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "train, dev, test or all (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--split-file", defaultValue = "eval/ptc/split.tsv", description = "Split (default: ${DEFAULT-VALUE})")
  Path splitFile;

  @Option(names = "--cache", description = "File keeping the PTC token states between runs (outside the repo).")
  Path cache;

  @Option(names = "--skip-quotes", description = "Skip text inside quotations, as reports do.")
  boolean skipQuotes;

  @Option(names = "--show", defaultValue = "0", description = "Print predicted and gold spans of the first N articles.")
  int show;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!List.of("train", "dev", "test", "all").contains(split)) {
      spec.commandLine().getErr().println("eval loaded: --split must be train, dev, test or all");
      return ExitCodes.USAGE;
    }
    List<PtcCorpus.Article> articles = Files.exists(splitFile) ? PtcCorpus.read(data, splitFile, split) : null;
    if (articles == null || articles.isEmpty()) {
      spec.commandLine().getErr().println("eval loaded: " + data + " lacks articles/ or labels-technique/, or "
          + splitFile + " is missing");
      return ExitCodes.NOTHING_ANALYSED;
    }
    LoadedLanguageDetector lexicon = new LoadedLanguageDetector();
    SpanScores tagged = new SpanScores();
    SpanScores base = new SpanScores();
    SpanScores[] basePer = {new SpanScores(), new SpanScores()};
    try (MiniLmEncoder encoder = new MiniLmEncoder()) {
      LoadedTagger tagger = new LoadedTagger(encoder);
      Map<String, List<EncodedWords>> words = StateCache.words(articles, tagger, cache);
      List<double[][][]> p = TaggerData.probabilities(articles, words, tagger, tagger.head());
      for (int i = 0; i < articles.size(); i++) {
        PtcCorpus.Article a = articles.get(i);
        var quotes = skipQuotes ? QuoteSpans.find(a.text()) : List.<org.parallax.model.Span>of();
        List<LoadedTerm> t = LoadedTagger.spans(a.text(), words.get(a.id()), p.get(i), quotes,
            tagger.head().threshold(), tagger.head().gap()).spans();
        List<LoadedTerm> b = lexicon.detect(a.text(), quotes).spans();
        tagged.add(a.gold(), t);
        base.add(a.gold(), b);
        for (int c = 0; c < 2; c++) {
          String cat = c == 0 ? "loaded" : "name-calling";
          basePer[c].add(a.gold().stream().filter(g -> g.technique().equals(cat)).toList(),
              b.stream().filter(x -> x.category().equals(cat)).toList());
        }
        if (i < show) {
          show(out, a, t);
        }
      }
    }
    out.println("PTC " + split + ": " + articles.size() + " articles" + (skipQuotes ? " (quotations skipped)" : "")
        + "; both techniques, a span of either counts");
    out.println(tagged.overlapLine("tagger"));
    out.println(tagged.strictLine("tagger"));
    out.println(base.overlapLine("lexicon"));
    out.println(base.strictLine("lexicon"));
    out.println(basePer[0].overlapLine("lexicon Loaded_Language"));
    out.println(basePer[1].overlapLine("lexicon Name_Calling"));
    out.flush();
    return 0;
  }

  private static void show(PrintWriter out, PtcCorpus.Article a, List<LoadedTerm> pred) {
    out.println("== article " + a.id());
    List<String> gold = new ArrayList<>();
    for (PtcCorpus.Gold g : a.gold()) {
      gold.add(a.text().substring(g.start(), g.end()).replace('\n', ' '));
    }
    out.println("  gold: " + gold);
    out.println("  pred: " + pred.stream().map(t -> t.text().replace('\n', ' ')).toList());
  }
}
