package org.parallax.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.parallax.cli.ExitCodes;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.Document;
import org.parallax.model.Copy;
import org.parallax.nlp.NlpModels;
import org.parallax.nlp.StopWords;
import org.parallax.reuse.CopyDetector;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Copy detection, two ways. With {@code --judged}: the AllSides corpus ingested (or a store read) and its copy
 * relations scored against pairs people judged ({@link JudgedCopies}). Otherwise, on planted copies. Base: the first {@code --base} AllSides articles, plus NeuS val articles (three
 * outlets on each event, all given one date so every pair is compared: hard negatives). Planted, for each edit
 * rate: edited copies (that share of words deleted, replaced by a random corpus word, or followed by an inserted
 * one) and reworded copies (that share of lower-case content words replaced by random corpus words; names, numbers and
 * function words kept, as synonym spinners do). Copies are dated the source's day or the day after; everything is
 * shuffled and ingested. Reports recall and direction per kind and rate, and precision over pairs that involve a
 * planted copy or two NeuS articles.
 */
@Command(name = "copies", mixinStandardHelpOptions = true,
    description = "Copy detection: precision per relation and direction on judged AllSides pairs (--judged), "
        + "or precision/recall per edit rate on planted copies.")
public final class CopyEval implements Callable<Integer> {
  @Option(names = "--allsides", defaultValue = "../shared/data/allsides-articles.jsonl.gz",
      description = "AllSides JSONL.gz (default: ${DEFAULT-VALUE})")
  Path allsides;

  @Option(names = "--neus", defaultValue = "../shared/data/neus/val.source",
      description = "NeuS source file for hard negatives (default: ${DEFAULT-VALUE})")
  Path neus;

  @Option(names = "--fast", description = "Ingest with the fast (TF-IDF only) story grouping, as `ingest --fast`.")
  boolean fast;

  @Option(names = "--base", defaultValue = "2000", description = "Real articles used (default: ${DEFAULT-VALUE})")
  int base;

  @Option(names = "--per-rate", defaultValue = "40", description = "Copies per kind and rate (default: ${DEFAULT-VALUE})")
  int perRate;

  @Option(names = "--seed", defaultValue = "11", description = "Random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--judged", description = "Judged pairs (JSONL: a, b, relation, source, confidence, split), "
      + "e.g. eval/copies/judged.jsonl: score the AllSides corpus's copy relations against them")
  Path judged;

  @Option(names = "--split", description = "With --judged: only this split (dev or test; default: all)")
  String split;

  @Option(names = "--store", description = "With --judged: read the relations of this store instead of ingesting "
      + "--allsides into a temporary one")
  Path store;

  @Option(names = "--verbose", description = "With --judged: one line per judged pair")
  boolean verbose;

  @Spec
  CommandSpec spec;

  private static final double[] RATES = {0.05, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60};

  private record Planted(String id, String source, String kind, double rate) {}

  @Override
  public Integer call() throws IOException {
    if (judged != null) {
      return judged();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(allsides)) {
      spec.commandLine().getErr().println("eval copies: " + allsides + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    Random rnd = new Random(seed);
    List<Document> docs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(allsides)), StandardCharsets.UTF_8))) {
      String line;
      while (docs.size() < base && (line = r.readLine()) != null) {
        JsonNode n = json.readTree(line);
        String date = n.path("date").asText("");
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}.*") || n.path("text").asText("").split("\\s+").length < 150) {
          continue; // planted copies need a date and enough text to edit
        }
        docs.add(new Document(n.get("id").asText(), "allsides", Document.Format.TEXT, n.get("text").asText(),
            n.path("title").asText(null), n.path("outlet").asText(null), null, date.substring(0, 10), null));
      }
    }
    List<String> vocab = new ArrayList<>();
    for (Document d : docs) {
      for (String w : d.content().split("\\s+")) {
        if (w.length() > 3 && w.chars().allMatch(Character::isLowerCase) && !StopWords.contains(w)) {
          vocab.add(w);
        }
      }
    }
    List<Document> neusDocs = new ArrayList<>();
    if (Files.isRegularFile(neus)) {
      NeusClusters.read(neus, "neus-", "2030-01-01").forEach(neusDocs::addAll);
    }
    List<Planted> planted = new ArrayList<>();
    List<Document> copies = new ArrayList<>();
    for (String kind : new String[] {"edited", "reworded"}) {
      for (double rate : RATES) {
        for (int i = 0; i < perRate; i++) {
          Document src = docs.get(rnd.nextInt(docs.size()));
          String id = String.format(Locale.ROOT, "planted-%s-%02d-%d", kind, (int) (rate * 100), i);
          String text = kind.equals("reworded") ? spin(src.content(), rate, vocab, rnd) : edit(src.content(), rate, vocab,
              rnd);
          String date = i % 2 == 0 ? src.date() : java.time.LocalDate.parse(src.date()).plusDays(1).toString();
          copies.add(new Document(id, "planted", Document.Format.TEXT, text, src.title(), "Copycat " + i, null, date,
              null));
          planted.add(new Planted(id, src.id(), kind, rate));
        }
      }
    }
    List<Document> all = new ArrayList<>(docs);
    all.addAll(neusDocs);
    all.addAll(copies);
    Collections.shuffle(all, rnd);
    Path dir = Files.createTempDirectory("parallax-eval-copies");
    List<Copy> found = new ArrayList<>();
    long start = System.nanoTime();
    try (CorpusStore store = CorpusStore.open(dir)) {
      CorpusIngester in = new CorpusIngester(store, NlpModels.load(), CorpusIngester.Settings.defaults(),
          fast ? CorpusIngester.Grouping.FAST : CorpusIngester.Grouping.DEFAULT,
          fast ? null : org.parallax.stories.LeadEncoder.forDefaultGrouping(), s -> { });
      all.forEach(in::accept);
      in.close();
      store.forEachCopy(found::add);
    } finally {
      StoryEval.deleteTree(dir);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    Map<String, Planted> byId = new HashMap<>();
    planted.forEach(p -> byId.put(p.id(), p));
    Map<String, Copy> pairs = new HashMap<>();
    found.forEach(c -> pairs.put(key(c.source(), c.copy()), c));
    out.printf(Locale.ROOT, "%d real articles + %d NeuS articles (one date: hard negatives) + %d planted copies, "
        + "ingested in %.1f s (%s story grouping); %d copy relations found%n", docs.size(), neusDocs.size(),
        copies.size(), secs, fast ? "fast" : "default", found.size());
    out.println("kind            rate  recall  direction  labelled as");
    for (String kind : new String[] {"edited", "reworded"}) {
      for (double rate : RATES) {
        int hit = 0;
        int rightWay = 0;
        Map<String, Integer> labels = new java.util.TreeMap<>();
        for (Planted p : planted) {
          if (!p.kind().equals(kind) || p.rate() != rate) {
            continue;
          }
          Copy c = pairs.get(key(p.source(), p.id()));
          if (c != null) {
            hit++;
            labels.merge(c.kind(), 1, Integer::sum);
            if (c.source().equals(p.source())) {
              rightWay++;
            }
          }
        }
        out.printf(Locale.ROOT, "%-15s %3.0f%%  %.3f   %s  %s%n", kind, rate * 100, hit / (double) perRate,
            hit == 0 ? "  -  " : String.format(Locale.ROOT, "%.3f", rightWay / (double) hit), labels);
      }
    }
    int right = 0;
    int wrong = 0;
    int realPairs = 0;
    List<String> wrongExamples = new ArrayList<>();
    for (Copy c : found) {
      Planted a = byId.get(c.source());
      Planted b = byId.get(c.copy());
      if (a == null && b == null) {
        if (c.source().startsWith("neus-") && c.copy().startsWith("neus-")) {
          wrong++;
          wrongExamples.add(c.toString());
        } else {
          realPairs++;
        }
        continue;
      }
      String srcA = a == null ? c.source() : a.source();
      String srcB = b == null ? c.copy() : b.source();
      if (srcA.equals(srcB)) {
        right++;
      } else {
        wrong++;
        wrongExamples.add(c.toString());
      }
    }
    out.printf(Locale.ROOT, "precision over judged pairs: %.3f (%d right, %d wrong: planted copy with a wrong "
        + "partner, or two NeuS articles); %d pairs between real AllSides articles, not judged%n",
        right + wrong == 0 ? 0 : right / (double) (right + wrong), right, wrong, realPairs);
    wrongExamples.stream().limit(5).forEach(x -> out.println("  wrong: " + x));
    return ExitCodes.OK;
  }

  private Integer judged() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (split != null && !split.equals("dev") && !split.equals("test")) {
      err.println("eval copies: --split is dev or test, not " + split);
      return ExitCodes.USAGE;
    }
    if (!Files.isRegularFile(judged)) {
      err.println("eval copies: " + judged + " not found");
      return ExitCodes.USAGE;
    }
    List<JudgedCopies.Judged> pairs;
    try {
      pairs = JudgedCopies.read(judged, split);
    } catch (IllegalArgumentException e) {
      err.println("eval copies: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    List<Copy> found = new ArrayList<>();
    String from;
    if (store != null) {
      if (!Files.isDirectory(store)) {
        err.println("eval copies: store " + store + " not found");
        return ExitCodes.USAGE;
      }
      try (CorpusStore s = CorpusStore.openReadOnly(store)) {
        s.forEachCopy(found::add);
        if (verbose) { // say why each missed copy was not related, from the fingerprints the store holds
          out.printf(Locale.ROOT, "%d judged pairs (%s); %d copy relations from store %s%n", pairs.size(),
              split == null ? "all splits" : split, found.size(), store);
          Map<Long, List<CopyDetector.Entry>> byDay = new HashMap<>(); // a day's entries read once
          JudgedCopies.print(JudgedCopies.score(pairs, found, j -> whyNot(s, j, byDay)), out, true);
          return ExitCodes.OK;
        }
      }
      from = "store " + store;
    } else {
      if (!Files.isRegularFile(allsides)) {
        err.println("eval copies: " + allsides + " not found");
        return ExitCodes.NOTHING_ANALYSED;
      }
      Path dir = Files.createTempDirectory("parallax-eval-copies");
      long start = System.nanoTime();
      try (CorpusStore s = CorpusStore.open(dir)) {
        CorpusIngester in = new CorpusIngester(s, NlpModels.load(), CorpusIngester.Settings.defaults(),
            fast ? CorpusIngester.Grouping.FAST : CorpusIngester.Grouping.DEFAULT,
            fast ? null : org.parallax.stories.LeadEncoder.forDefaultGrouping(), x -> { });
        // read as `parallax ingest` reads it: the same ids, cleaning and order
        new org.parallax.ingest.InputReader(org.parallax.config.ParallaxConfig.defaults())
            .stream(List.of(allsides), in::accept, in::skip);
        in.close();
        s.forEachCopy(found::add);
      } finally {
        StoryEval.deleteTree(dir);
      }
      from = String.format(Locale.ROOT, "%s ingested in %.0f s (%s story grouping)", allsides,
          (System.nanoTime() - start) / 1e9, fast ? "fast" : "default");
    }
    out.printf(Locale.ROOT, "%d judged pairs (%s); %d copy relations from %s%n", pairs.size(),
        split == null ? "all splits" : split, found.size(), from);
    JudgedCopies.print(JudgedCopies.score(pairs, found), out, verbose);
    return ExitCodes.OK;
  }

  /** The detector's verdict on a judged pair, from the stored fingerprints (the earlier-ingested one first). */
  private static String whyNot(CorpusStore s, JudgedCopies.Judged j,
                               Map<Long, List<CopyDetector.Entry>> byDay) {
    CopyDetector.Entry a = entry(s, j.a(), byDay);
    CopyDetector.Entry b = entry(s, j.b(), byDay);
    if (a == null || b == null) {
      return "not both in the store";
    }
    if (a.day() != b.day() && (a.day() == Long.MIN_VALUE || b.day() == Long.MIN_VALUE)) {
      return "one dated, one not: never compared";
    }
    CopyDetector.Params p = CopyDetector.Params.defaults();
    if (Math.abs(a.day() - b.day()) > p.windowDays()) {
      return "dated more than " + p.windowDays() + " days apart: never compared";
    }
    CopyDetector d = new CopyDetector(p, (x, y) -> List.of());
    return (a.order() < b.order() ? d.judge(a, b) : d.judge(b, a)).why();
  }

  private static CopyDetector.Entry entry(CorpusStore s, String id, Map<Long, List<CopyDetector.Entry>> byDay) {
    CorpusStore.StoredArticle sa = s.article(id);
    if (sa == null) {
      return null;
    }
    Long day = CorpusStore.epochDay(sa.article().date() == null ? "" : sa.article().date());
    long d = day == null ? Long.MIN_VALUE : day;
    return byDay.computeIfAbsent(d, x -> s.articlesWithDaysIn(x, x)).stream().filter(e -> e.id().equals(id))
        .findFirst().orElse(null);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  static String edit(String text, double rate, List<String> vocab, Random r) {
    StringBuilder out = new StringBuilder();
    for (String w : text.split(" ")) {
      double x = r.nextDouble();
      if (x < rate / 3) {
        continue;
      } else if (x < 2 * rate / 3) {
        out.append(vocab.get(r.nextInt(vocab.size()))).append(' ');
      } else if (x < rate) {
        out.append(w).append(' ').append(vocab.get(r.nextInt(vocab.size()))).append(' ');
      } else {
        out.append(w).append(' ');
      }
    }
    return out.toString().strip();
  }

  static String spin(String text, double rate, List<String> vocab, Random r) {
    StringBuilder out = new StringBuilder();
    for (String w : text.split(" ")) {
      boolean content = w.length() > 3 && w.chars().allMatch(Character::isLowerCase) && !StopWords.contains(w);
      out.append(content && r.nextDouble() < rate ? vocab.get(r.nextInt(vocab.size())) : w).append(' ');
    }
    return out.toString().strip();
  }
}
