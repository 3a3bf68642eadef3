package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parallax.framing.LoadedLanguageDetector;
import org.parallax.model.LoadedTerm;
import org.parallax.quotes.QuoteSpans;
import org.parallax.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Loaded-language detection on the SemEval-2020 PTC corpus, per technique (Loaded_Language ↔ our "loaded",
 * Name_Calling,Labeling ↔ "name-calling") and for both together. Span match: a predicted span is right when it
 * overlaps a gold span of the technique; a gold span is found when some prediction overlaps it. Also character-level
 * P/R/F1. PTC labels propaganda inside quotations too, so by default nothing is skipped; --skip-quotes measures what
 * the report does.
 */
@Command(name = "loaded", mixinStandardHelpOptions = true,
    description = "Loaded language and name calling: span P/R/F1 on the PTC propaganda corpus.")
public final class LoadedLanguageEval implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/ptc",
      description = "PTC folder with articles/ and labels-technique/ (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--skip-quotes", description = "Skip text inside quotations, as reports do.")
  boolean skipQuotes;

  @Spec
  CommandSpec spec;

  private record Gold(int start, int end, String technique) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path articles = data.resolve("articles");
    Path labels = data.resolve("labels-technique");
    if (!Files.isDirectory(articles) || !Files.isDirectory(labels)) {
      spec.commandLine().getErr().println("eval loaded: " + data + " lacks articles/ or labels-technique/");
      return ExitCodes.NOTHING_ANALYSED;
    }
    LoadedLanguageDetector detector = new LoadedLanguageDetector();
    long[][] counts = new long[3][3]; // [loaded, name-calling, both][tp-pred, fp, fn]
    long[] chars = new long[3]; // tp, fp, fn characters (both techniques)
    int docs = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(articles)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path f : files) {
      String id = f.getFileName().toString().replaceAll("\\D", "");
      Path lab = labels.resolve("article" + id + ".task2-TC.labels");
      if (!Files.exists(lab)) {
        continue;
      }
      docs++;
      String text = Files.readString(f, StandardCharsets.UTF_8);
      List<Gold> gold = new ArrayList<>();
      for (String line : Files.readAllLines(lab, StandardCharsets.UTF_8)) {
        String[] p = line.split("\t");
        if (p.length >= 4 && (p[1].equals("Loaded_Language") || p[1].startsWith("Name_Calling"))) {
          gold.add(new Gold(Integer.parseInt(p[2]), Integer.parseInt(p[3]),
              p[1].equals("Loaded_Language") ? "loaded" : "name-calling"));
        }
      }
      List<LoadedTerm> pred = detector.detect(text, skipQuotes ? QuoteSpans.find(text) : List.of()).spans();
      String[] cats = {"loaded", "name-calling", null};
      for (int c = 0; c < 3; c++) {
        String cat = cats[c];
        List<Gold> g = gold.stream().filter(x -> cat == null || x.technique().equals(cat)).toList();
        List<LoadedTerm> p = pred.stream().filter(x -> cat == null || x.category().equals(cat)).toList();
        for (LoadedTerm t : p) {
          boolean hit = g.stream().anyMatch(x -> t.start() < x.end() && x.start() < t.end());
          counts[c][hit ? 0 : 1]++;
        }
        for (Gold x : g) {
          boolean found = p.stream().anyMatch(t -> t.start() < x.end() && x.start() < t.end());
          if (!found) {
            counts[c][2]++;
          }
        }
      }
      boolean[] inGold = new boolean[text.length()];
      boolean[] inPred = new boolean[text.length()];
      for (Gold x : gold) {
        for (int i = x.start(); i < Math.min(x.end(), text.length()); i++) {
          inGold[i] = true;
        }
      }
      for (LoadedTerm t : pred) {
        for (int i = t.start(); i < t.end(); i++) {
          inPred[i] = true;
        }
      }
      for (int i = 0; i < text.length(); i++) {
        if (inGold[i] && inPred[i]) {
          chars[0]++;
        } else if (inPred[i]) {
          chars[1]++;
        } else if (inGold[i]) {
          chars[2]++;
        }
      }
    }
    out.println("PTC: " + docs + " articles" + (skipQuotes ? " (quotations skipped)" : ""));
    out.println(new Scores(counts[0][0], counts[0][1], counts[0][2]).line("Loaded_Language (spans)"));
    out.println(new Scores(counts[1][0], counts[1][1], counts[1][2]).line("Name_Calling (spans)"));
    out.println(new Scores(counts[2][0], counts[2][1], counts[2][2]).line("both (spans)"));
    out.println(new Scores(chars[0], chars[1], chars[2]).line("both (characters)"));
    out.flush();
    return 0;
  }
}
