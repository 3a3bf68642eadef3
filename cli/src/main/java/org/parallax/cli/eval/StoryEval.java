package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.parallax.cli.ExitCodes;
import org.parallax.corpus.ArticlePreparer;
import org.parallax.corpus.CorpusIngester;
import org.parallax.corpus.PreparedArticle;
import org.parallax.stories.DocumentFrequencies;
import org.parallax.stories.TermVector;
import org.parallax.ingest.Document;
import org.parallax.nlp.NlpModels;
import org.parallax.stories.StoryClusterer;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.parallax.align.Embedder;
import org.parallax.align.MiniLmEmbedder;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Story clustering on NeuS: every line of {@code SPLIT.source} is one gold cluster of three articles (left, center,
 * right) on one event. All articles of the split are shuffled (fixed seed), ingested into a fresh store as corpus
 * mode would, and the stories compared with the gold clusters: B-cubed precision/recall/F1 and pairwise F1.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
    description = "Story clustering: B-cubed and pairwise F1 on NeuS (shuffled, re-clustered).")
public final class StoryEval implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/neus", description = "NeuS folder (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--split", defaultValue = "val", description = "val or train (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--threshold", split = ",",
      description = "Similarity thresholds to try (default: the configured one).")
  List<Double> thresholds;

  @Option(names = "--semantic", description = "Embed every article and blend headline-and-lead embeddings (MiniLM) "
      + "into every story decision.")
  boolean semantic;

  @Option(names = "--fast", description = "The fast grouping: TF-IDF alone, no embeddings (as `ingest --fast`).")
  boolean fast;

  @picocli.CommandLine.Mixin
  org.parallax.cli.GroupingOptions groupingOptions = new org.parallax.cli.GroupingOptions();

  @Option(names = "--semantic-weight", description = "With --semantic: share of the embedding similarity in the "
      + "score (default: the configured one).")
  Double semanticWeight;

  @Option(names = "--seed", defaultValue = "7", description = "Shuffle seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--neighbours", description = "Instead of clustering: how often an article's nearest other "
      + "article belongs to its own event, by the clusterer's TF-IDF vectors (with --semantic also by the MiniLM "
      + "headline-and-lead embeddings and their blend): a ceiling for any clustering on these features.")
  boolean neighbours;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path source = data.resolve(split + ".source");
    if (!Files.isRegularFile(source)) {
      spec.commandLine().getErr().println("eval stories: " + source + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    List<Document> docs = new ArrayList<>();
    Map<String, Integer> gold = new HashMap<>();
    List<List<Document>> events = NeusClusters.read(source, "c", null);
    for (int c = 0; c < events.size(); c++) {
      for (Document d : events.get(c)) {
        docs.add(d);
        gold.put(d.id(), c);
      }
    }
    Collections.shuffle(docs, new Random(seed));
    NlpModels models = NlpModels.load();
    CorpusIngester.Settings d = CorpusIngester.Settings.defaults();
    if (neighbours) {
      out.println(neighbours(docs, gold, models, d));
      return ExitCodes.OK;
    }
    if (fast && semantic) {
      spec.commandLine().getErr().println("eval stories: --fast and --semantic exclude each other");
      return ExitCodes.USAGE;
    }
    CorpusIngester.Grouping grouping = fast ? CorpusIngester.Grouping.FAST
        : semantic ? CorpusIngester.Grouping.SEMANTIC : CorpusIngester.Grouping.DEFAULT;
    // --semantic embeds every article with MiniLM; the default grouping with the encoder PARALLAX_LEAD_ENCODER
    // chooses (the distilled one when unset)
    Embedder embedder = fast ? null : semantic ? new MiniLmEmbedder()
        : org.parallax.stories.LeadEncoder.forDefaultGrouping();
    if (embedder != null && thresholds != null && thresholds.size() > 1) {
      embedder = remembering(embedder); // a sweep embeds the same texts once per threshold otherwise
    }
    // The threshold tried is the lexical one in the fast grouping, the blend's of the encoder otherwise.
    boolean minilm = embedder != null && Embedder.MINILM.equals(embedder.space());
    List<Double> ts = thresholds != null ? thresholds
        : List.of(fast ? d.stories().threshold() : minilm ? d.stories().semanticThreshold()
            : d.stories().leadThreshold());
    out.printf(Locale.ROOT, "NeuS %s: %d articles in %d gold clusters, shuffled (seed %d); %s grouping%n", split,
        docs.size(), events.size(), seed, grouping.name().toLowerCase(Locale.ROOT));
    for (double t : ts) {
      StoryClusterer.Params sp = groupingOptions.apply(d.stories());
      CorpusIngester.Settings settings = new CorpusIngester.Settings(
          withWeight(fast ? sp.withThresholds(t, sp.semanticThreshold())
              : sp.withThresholds(sp.threshold(), t).withLeadThreshold(t)), // the encoder's threshold is used
          d.copies(),
          d.batch(), d.vectorTerms(), d.dfSlots());
      Path dir = Files.createTempDirectory("parallax-eval-stories");
      Map<String, String> predicted = new HashMap<>();
      long[] embedded = {0, 0, 0, 0};
      long start = System.nanoTime();
      try (CorpusStore store = CorpusStore.open(dir)) {
        CorpusIngester ingester = new CorpusIngester(store, models, settings, grouping, embedder, s -> { });
        org.parallax.cli.DecisionTrace trace = groupingOptions.trace();
        if (trace != null) {
          ingester.traceDecisions(trace);
        }
        docs.forEach(ingester::accept);
        ingester.close();
        if (trace != null) {
          trace.close();
        }
        embedded[0] = ingester.embedded();
        embedded[1] = ingester.embeddingCalls()[0];
        embedded[2] = ingester.embeddingCalls()[1];
        embedded[3] = ingester.gatedOut();
        store.forEachMembership(predicted::put);
      } finally {
        deleteTree(dir);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      out.println(score(gold, predicted, t, secs) + String.format(Locale.ROOT, ", %d of %d articles embedded"
          + " (texts embedded ahead in batches %d, late %d; %d settled by the headline gate)", embedded[0],
          docs.size(), embedded[1], embedded[2], embedded[3]));
    }
    return ExitCodes.OK;
  }

  /**
   * Nearest-neighbour accuracy: for each article, is the most similar other article of the split in its gold event?
   * Vectors are built as ingest builds them, but with document frequencies from the whole split (ingest's grow as it
   * reads), so this is, if anything, generous.
   */
  private String neighbours(List<Document> docs, Map<String, Integer> gold, NlpModels models,
                            CorpusIngester.Settings d) {
    long start = System.nanoTime();
    ArticlePreparer preparer = new ArticlePreparer(models, false); // no outlet profiles here
    List<PreparedArticle> prepared = docs.parallelStream().map(preparer::prepare)
        .filter(p -> p.article() != null).toList();
    int n = prepared.size();
    DocumentFrequencies df = new DocumentFrequencies(d.dfSlots());
    prepared.forEach(p -> df.add(p.features().terms()));
    TermVector[] vectors = new TermVector[n];
    Map<Long, List<int[]>> postings = new HashMap<>(); // term -> [article, float bits of its weight]
    for (int i = 0; i < n; i++) {
      vectors[i] = TermVector.of(prepared.get(i).features().terms(), df, d.vectorTerms());
      for (int k = 0; k < vectors[i].terms().length; k++) {
        postings.computeIfAbsent(vectors[i].terms()[k], t -> new ArrayList<>())
            .add(new int[] {i, Float.floatToIntBits(vectors[i].weights()[k])});
      }
    }
    float[][] embeddings = null;
    if (semantic) {
      embeddings = new MiniLmEmbedder().embed(prepared.stream()
          .map(p -> CorpusIngester.headlineAndLead(p.article())).toList());
    }
    double w = semanticWeight != null ? semanticWeight : d.stories().semanticWeight();
    int lexical = 0;
    int embedded = 0;
    int blended = 0;
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(score, 0);
      for (int k = 0; k < vectors[i].terms().length; k++) {
        float wi = vectors[i].weights()[k];
        for (int[] post : postings.get(vectors[i].terms()[k])) {
          score[post[0]] += wi * Float.intBitsToFloat(post[1]);
        }
      }
      Integer mine = gold.get(prepared.get(i).doc().id());
      int bestLex = -1;
      int bestEmb = -1;
      int bestBlend = -1;
      double lex = -1;
      double emb = -2;
      double blend = -2;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        if (score[j] > lex) {
          lex = score[j];
          bestLex = j;
        }
        if (embeddings != null) {
          double e = Embedder.cosine(embeddings[i], embeddings[j]);
          if (e > emb) {
            emb = e;
            bestEmb = j;
          }
          double b = (1 - w) * score[j] + w * e;
          if (b > blend) {
            blend = b;
            bestBlend = j;
          }
        }
      }
      lexical += mine.equals(gold.get(prepared.get(bestLex).doc().id())) ? 1 : 0;
      if (embeddings != null) {
        embedded += mine.equals(gold.get(prepared.get(bestEmb).doc().id())) ? 1 : 0;
        blended += mine.equals(gold.get(prepared.get(bestBlend).doc().id())) ? 1 : 0;
      }
    }
    String result = String.format(Locale.ROOT, "nearest other article in the same event, %d articles: TF-IDF %.3f",
        n, lexical / (double) n);
    if (embeddings != null) {
      result += String.format(Locale.ROOT, ", MiniLM %.3f, blend (embedding weight %.2f) %.3f", embedded / (double) n,
          w, blended / (double) n);
    }
    return result + String.format(Locale.ROOT, "; %.1f s", (System.nanoTime() - start) / 1e9);
  }

  /** B-cubed (per item, averaged) and pairwise precision/recall/F1 of a clustering against gold. */
  private StoryClusterer.Params withWeight(StoryClusterer.Params p) {
    return semanticWeight == null ? p : p.withSemanticWeight(semanticWeight);
  }

  static String score(Map<String, Integer> gold, Map<String, String> predicted, double threshold, double secs) {
    Map<Integer, List<String>> goldClusters = new HashMap<>();
    Map<String, List<String>> predClusters = new HashMap<>();
    gold.forEach((id, c) -> goldClusters.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    predicted.forEach((id, s) -> predClusters.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
    double p = 0;
    double r = 0;
    long pairTp = 0;
    long predPairs = 0;
    long goldPairs = 0;
    for (String id : gold.keySet()) {
      List<String> mine = predClusters.getOrDefault(predicted.get(id), List.of(id));
      List<String> truth = goldClusters.get(gold.get(id));
      long both = mine.stream().filter(x -> gold.get(x).equals(gold.get(id))).count();
      p += both / (double) mine.size();
      r += both / (double) truth.size();
    }
    p /= gold.size();
    r /= gold.size();
    for (List<String> c : predClusters.values()) {
      predPairs += (long) c.size() * (c.size() - 1) / 2;
      for (int i = 0; i < c.size(); i++) {
        for (int j = i + 1; j < c.size(); j++) {
          if (gold.get(c.get(i)).equals(gold.get(c.get(j)))) {
            pairTp++;
          }
        }
      }
    }
    for (List<String> c : goldClusters.values()) {
      goldPairs += (long) c.size() * (c.size() - 1) / 2;
    }
    double pp = predPairs == 0 ? 0 : pairTp / (double) predPairs;
    double pr = goldPairs == 0 ? 0 : pairTp / (double) goldPairs;
    return String.format(Locale.ROOT, "threshold %.2f: %d stories; B-cubed P %.3f R %.3f F1 %.3f; pairwise P %.3f "
            + "R %.3f F1 %.3f; %.1f s", threshold, predClusters.size(), p, r, f1(p, r), pp, pr, f1(pp, pr), secs);
  }

  /** {@code e} remembering every text's vector, for a sweep over thresholds (the same decisions, faster). */
  private static Embedder remembering(Embedder e) {
    Map<String, float[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
    return new Embedder() {
      @Override
      public float[][] embed(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !seen.containsKey(t)).distinct().toList();
        float[][] fresh = missing.isEmpty() ? new float[0][] : e.embed(missing);
        for (int i = 0; i < fresh.length; i++) {
          seen.put(missing.get(i), fresh[i]);
        }
        return texts.stream().map(seen::get).toArray(float[][]::new);
      }

      @Override
      public String space() {
        return e.space();
      }
    };
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
