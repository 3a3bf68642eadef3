package org.parallax.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.parallax.Interrupts;
import org.parallax.align.ClaimAligner;
import org.parallax.align.ClaimPairs;
import org.parallax.align.ClaimVectors;
import org.parallax.align.ConflictDetector;
import org.parallax.align.CoverageAnalyzer;
import org.parallax.align.Embedder;
import org.parallax.align.Independence;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.claims.ClaimExtractor;
import org.parallax.clean.ArticleCleaner;
import org.parallax.config.ParallaxConfig;
import org.parallax.framing.VoiceBalance;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.InputReader;
import org.parallax.model.AnalyzedArticle;
import org.parallax.model.Article;
import org.parallax.model.ArticleReport;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Coverage;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.Quote;
import org.parallax.model.Report;
import org.parallax.model.Reuse;
import org.parallax.model.Sentence;
import org.parallax.model.Skipped;
import org.parallax.model.SummarySentence;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.LanguageIdentifier;
import org.parallax.nlp.MentionFinder;
import org.parallax.nlp.NlpModels;
import org.parallax.quotes.PatternQuoteAttributor;
import org.parallax.quotes.SideGazetteer;
import org.parallax.quotes.StorySpeakers;
import org.parallax.reuse.ReuseDetector;
import org.parallax.summary.NeutralSummarizer;

/**
 * The whole flow, {@code ingest → clean → annotate → align → report}. Per-article stages run on a small thread pool
 * (each thread with its own OpenNLP tools); corpus stages run over the set. A failure in one article is recorded in
 * {@code skipped} with the stage and the reason, and the rest goes on. Never prints; thread-safe for one call at a time.
 */
public final class Parallax implements AutoCloseable {
  private final ParallaxConfig config;
  private final NlpModels models;
  private final Embedder embedder;
  private final ThreadPoolExecutor pool;
  private final ArticleBudget budget;
  private final ThreadLocal<Annotator> annotators;
  private final ThreadLocal<LanguageIdentifier> languages;
  private final ArticleCleaner cleaner;
  private final MentionFinder mentions = new MentionFinder();
  private final PatternQuoteAttributor quotes;
  private final StorySpeakers storySpeakers;
  private final ClaimExtractor claims;
  private final FramingStage framing;
  private final VoiceBalance voices = new VoiceBalance();

  public Parallax(ParallaxConfig config, NlpModels models, Embedder embedder, int threads) {
    this.config = config;
    this.models = models;
    this.embedder = embedder;
    int n = Math.max(1, threads);
    this.pool = new ThreadPoolExecutor(n, n, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "parallax-worker");
      t.setDaemon(true);
      return t;
    });
    this.budget = new ArticleBudget(pool, config.articleTimeoutMillis());
    this.annotators = ThreadLocal.withInitial(() -> new Annotator(models));
    this.languages = ThreadLocal.withInitial(() -> new LanguageIdentifier(models));
    this.cleaner = new ArticleCleaner(config);
    SideGazetteer sides = new SideGazetteer();
    this.quotes = new PatternQuoteAttributor(sides, config.maxQuotesPerArticle());
    this.storySpeakers = new StorySpeakers(sides);
    // One claim over the limit, to tell an article at the limit from one cut by it.
    this.claims = new ClaimExtractor(config.maxClaimsPerArticle() + 1, sides);
    this.framing = new FramingStage(config.loadedLanguage().equals("tagger"), embedder);
  }

  /** Loads the NLP models and the embedding model in parallel, with one worker per core. */
  public static Parallax create(ParallaxConfig config) {
    CompletableFuture<Embedder> embedder = CompletableFuture.supplyAsync(MiniLmEmbedder::new);
    NlpModels models = NlpModels.load();
    return new Parallax(config, models, embedder.join(), Runtime.getRuntime().availableProcessors());
  }

  public ParallaxConfig config() {
    return config;
  }

  /** The loaded NLP models, for other stages that need them (corpus ingest) without loading them twice. */
  /** The sentence encoder, which corpus mode's default story grouping also uses. */
  public Embedder embedder() {
    return embedder;
  }

  public NlpModels models() {
    return models;
  }

  public Report analyze(List<Path> inputs) {
    return analyze(inputs, new StageTimes());
  }

  public Report analyze(List<Path> inputs, StageTimes times) {
    return analyze(inputs, times, AnalysisProgress.Listener.NONE);
  }

  /** The report of the inputs, telling {@code listener} how reading and the per-article stages advance. */
  public Report analyze(List<Path> inputs, StageTimes times, AnalysisProgress.Listener listener) {
    long start = System.nanoTime();
    InputReader reader = new InputReader(config);
    long total = InputReader.totalBytes(inputs);
    long[] read = {0};
    IngestResult ingest = timed(times, "ingest", () -> reader.read(inputs, () -> listener.progress(
        new AnalysisProgress(++read[0], reader.bytesRead(), total, true, 0, 0, System.nanoTime() - start))));
    listener.progress(new AnalysisProgress(read[0], reader.bytesRead(), total, false, ingest.documents().size(), 0,
        System.nanoTime() - start));
    return analyze(ingest, times, p -> listener.progress(new AnalysisProgress(read[0], reader.bytesRead(), total,
        false, p.articles(), p.analysed(), System.nanoTime() - start)));
  }

  public Report analyze(IngestResult ingest, StageTimes times) {
    return analyze(ingest, times, AnalysisProgress.Listener.NONE);
  }

  private Report analyze(IngestResult ingest, StageTimes times, AnalysisProgress.Listener listener) {
    framing.clear();
    List<ArticleBudget.Job<Outcome>> jobs = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (Document d : ingest.documents()) {
      jobs.add(budget.submit(() -> perArticle(d, times)));
      where.add(d.path());
    }
    return collect(jobs, where, ingest.skipped(), times, listener);
  }

  /** The report of articles that are already clean (from the corpus store): cleaning is not repeated. */
  public Report analyzeCleaned(List<Article> articles, StageTimes times) {
    framing.clear();
    List<ArticleBudget.Job<Outcome>> jobs = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (Article a : articles) {
      jobs.add(budget.submit(() -> {
        List<Skipped> notes = new ArrayList<>();
        return analyzeClean(a, notes, times);
      }));
      where.add(a.path() == null ? a.id() : a.path());
    }
    return collect(jobs, where, List.of(), times, AnalysisProgress.Listener.NONE);
  }

  private Report collect(List<ArticleBudget.Job<Outcome>> jobs, List<String> where, List<Skipped> readProblems,
                         StageTimes times, AnalysisProgress.Listener listener) {
    List<Skipped> skipped = new ArrayList<>(readProblems);
    List<AnalyzedArticle> all = new ArrayList<>();
    Map<String, String> byBody = new HashMap<>();
    for (int i = 0; i < jobs.size(); i++) {
      ArticleBudget.Result<Outcome> r;
      try {
        r = budget.await(jobs.get(i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      listener.progress(new AnalysisProgress(0, 0, 0, false, jobs.size(), i + 1, 0));
      if (r.abandonedIn() != null) {
        skipped.add(new Skipped(where.get(i), String.format(Locale.ROOT, "analysis abandoned after %,d ms "
            + "(articleTimeoutMillis) in stage '%s'; the article is left out", config.articleTimeoutMillis(),
            r.abandonedIn())));
        continue;
      }
      if (r.failure() != null) { // an Error (stack overflow, out of memory) in one article: the others go on
        skipped.add(new Skipped(where.get(i), "analysis failed: " + r.failure()));
        continue;
      }
      Outcome o = r.value();
      skipped.addAll(o.skipped);
      if (o.article == null) {
        continue;
      }
      String key = o.article.article().body().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String first = byBody.putIfAbsent(key, o.article.id());
      if (first != null) {
        skipped.add(new Skipped(o.article.article().path(), "duplicate of " + first + " (same text); left out"));
        continue;
      }
      all.add(o.article);
    }
    return crossSource(all, skipped, times);
  }

  /** The result of the per-article stages for one document. */
  private record Outcome(AnalyzedArticle article, List<Skipped> skipped) {}

  private Outcome perArticle(Document d, StageTimes times) {
    List<Skipped> notes = new ArrayList<>();
    if (d.notes() != null) {
      notes.add(new Skipped(d.path(), d.notes() + " (analysed)"));
    }
    Article article;
    try {
      List<String> cuts = new ArrayList<>();
      article = timed(times, "clean", () -> cleaner.clean(d, cuts));
      cuts.forEach(c -> notes.add(new Skipped(d.path(), c)));
    } catch (Interrupts.Abandoned e) {
      throw e;
    } catch (RuntimeException e) {
      notes.add(new Skipped(d.path(), "analysis failed in stage 'clean': " + e));
      return new Outcome(null, notes);
    }
    if (article.body().isBlank()) {
      notes.add(new Skipped(d.path(), "no article text left after removing boilerplate"));
      return new Outcome(null, notes);
    }
    return analyzeClean(article, notes, times);
  }

  private Outcome analyzeClean(Article article, List<Skipped> notes, StageTimes times) {
    String where = article.path() == null ? article.id() : article.path();
    String stage = "language";
    try {
      String lang = timed(times, "language", () -> languages.get().identify(article.body()));
      Article a = article.withLanguage(lang);
      if (!a.isEnglish()) {
        notes.add(new Skipped(where, "language '" + lang + "', not English: cleaned text is reported, but "
            + "quotes, claims and framing need English and were not analysed"));
        return new Outcome(new AnalyzedArticle(a, List.of(), List.of(), List.of(), List.of(),
            new LoadedLanguage(0, List.of(), List.of())), notes);
      }
      stage = "annotate";
      Annotator.Annotation an = timed(times, "annotate", () -> annotators.get().annotate(a.body(),
          config.maxSentences(), config.maxSentenceChars()));
      List<Sentence> sentences = an.sentences();
      Article b = WorkLimits.sentencesCut(a, an, config, where, notes);
      var found = mentions.find(sentences);
      stage = "quotes";
      WorkLimits.quotesCut(b.body(), config, where, notes);
      List<Quote> qs = timed(times, "quotes", () -> quotes.attribute(b.id(), b.body(), sentences));
      stage = "claims";
      List<Claim> cs = WorkLimits.claimsCut(timed(times, "claims", () -> claims.extract(b.id(), sentences, qs)),
          config, where, notes);
      stage = "framing";
      LoadedLanguage ll = timed(times, "framing", () -> framing.detect(b.body(), sentences, cs));
      return new Outcome(new AnalyzedArticle(b, sentences, found, qs, cs, ll), notes);
    } catch (Interrupts.Abandoned e) {
      throw e; // the collector already recorded why
    } catch (RuntimeException e) {
      notes.add(new Skipped(where, "analysis failed in stage '" + stage + "': " + e));
      return new Outcome(null, notes);
    }
  }

  private Report crossSource(List<AnalyzedArticle> analyzed, List<Skipped> skipped, StageTimes times) {
    StorySpeakers.Result speakers = timed(times, "speakers", () -> storySpeakers.resolve(analyzed.stream()
        .filter(a -> a.article().isEnglish())
        .map(a -> new StorySpeakers.Input(a.id(), a.article().body(), a.sentences(), a.quotes())).toList()));
    // Every article's quotes by one person now carry one name and one side, from roles stated anywhere in the story.
    List<AnalyzedArticle> all = analyzed.stream().map(a -> !speakers.quotes().containsKey(a.id()) ? a
        : new AnalyzedArticle(a.article(), a.sentences(), a.mentions(), speakers.quotes().get(a.id()), a.claims(),
            a.loaded())).toList();
    List<AnalyzedArticle> english = all.stream().filter(a -> a.article().isEnglish()).toList();
    List<Claim> allClaims = new ArrayList<>();
    List<Quote> allQuotes = new ArrayList<>();
    Map<String, AnalyzedArticle> byId = new LinkedHashMap<>();
    int perArticle = claimsPerArticle(english, config.maxSentencePairs());
    for (AnalyzedArticle a : english) {
      allClaims.addAll(a.claims().subList(0, Math.min(perArticle, a.claims().size())));
      allQuotes.addAll(a.quotes());
      byId.put(a.id(), a);
    }
    if (perArticle < Integer.MAX_VALUE) {
      skipped = new ArrayList<>(skipped);
      skipped.add(new Skipped("(report)", "the articles' claims make more than maxSentencePairs ("
          + config.maxSentencePairs() + ") pairs across articles: only the first " + perArticle
          + " claims of each article were compared (alignment, conflicts, summary)"));
    }
    Embedder reused = framing.embedder(embedder);
    ClaimVectors vectors = timed(times, "embed", () -> new ClaimVectors(allClaims, reused,
        english.size() > 1 ? config.embedMinSharedWords() : 0));
    times.count("claims", vectors.claims());
    times.count("embedded", vectors.embedded());
    List<Reuse> reuse = timed(times, "reuse", () -> new ReuseDetector(config.reuseSentenceSimilarity(), 8)
        .detect(english, vectors));
    Independence independence = new Independence(reuse);
    // Both the aligner and the conflict detector compare claims by their mutual best matches: found once.
    List<ClaimPairs.Pair> pairs = timed(times, "align", () -> ClaimPairs.mutualBest(allClaims, vectors,
        Math.min(config.claimSimilarity(), config.topicSimilarity())));
    ClaimAligner.Alignment alignment = timed(times, "align", () -> new ClaimAligner(config.claimSimilarity(),
        config.claimAgreement(), config.consensusShare()).align(allClaims, vectors, english.size(), independence,
        new ArrayList<>(byId.keySet()), pairs));
    List<Conflict> conflicts = english.size() < 2 ? List.of() : timed(times, "conflicts",
        () -> new ConflictDetector(config.topicSimilarity(), config.claimAgreement(), config.negationSimilarity(),
            config.numberTolerance()).detect(pairs, allClaims, allQuotes));
    List<Coverage> coverage = english.size() < 2 ? List.of()
        : new CoverageAnalyzer().coverage(new ArrayList<>(byId.keySet()), alignment.groups());
    var groups = markConflicted(alignment, conflicts);
    java.util.Set<String> contested = new java.util.HashSet<>();
    groups.stream().filter(org.parallax.model.ClaimGroup::conflicted).forEach(g -> contested.add(g.id()));
    List<SummarySentence> summary = timed(times, "summary",
        () -> new NeutralSummarizer(config.summarySentences()).summarize(alignment, vectors, byId, independence,
            contested));
    List<ArticleReport> articles = new ArrayList<>();
    for (AnalyzedArticle a : all) {
      Article r = a.article();
      articles.add(new ArticleReport(r.id(), r.path(), r.outlet(), r.title(), r.date(), r.byline(), r.url(),
          r.language(), r.body(), r.removed(), a.loaded(), voices.of(a.quotes()), a.sentences().size(),
          r.outletIdentity()));
    }
    return new Report(articles, allQuotes, groups, conflicts, reuse, coverage, summary, skipped,
        speakers.speakers());
  }

  /**
   * How many claims of each article the cross-article stages may take so that the pairs of claims of different
   * articles stay within {@code maxPairs} (every stage there compares pairs); unlimited when they already do.
   */
  static int claimsPerArticle(List<AnalyzedArticle> articles, long maxPairs) {
    long total = 0;
    long squares = 0;
    int most = 0;
    for (AnalyzedArticle a : articles) {
      total += a.claims().size();
      squares += (long) a.claims().size() * a.claims().size();
      most = Math.max(most, a.claims().size());
    }
    if ((total * total - squares) / 2 <= maxPairs) {
      return Integer.MAX_VALUE;
    }
    long n = articles.size();
    int k = (int) Math.floor(Math.sqrt(2.0 * maxPairs / Math.max(1, n * (n - 1))));
    return Math.max(1, Math.min(k, most));
  }

  private static List<org.parallax.model.ClaimGroup> markConflicted(ClaimAligner.Alignment alignment,
                                                                   List<Conflict> conflicts) {
    List<org.parallax.model.ClaimGroup> out = new ArrayList<>();
    for (var g : alignment.groups()) {
      boolean hit = false;
      for (Conflict c : conflicts) {
        if (!c.shown()) {
          continue; // a possible conflict is listed apart; it does not mark the claim contested
        }
        for (var s : c.statements()) {
          for (var e : g.evidence()) {
            hit |= e.article().equals(s.article()) && e.index() == s.index();
          }
        }
      }
      out.add(hit ? g.conflicted(true) : g);
    }
    return out;
  }

  private static <T> T timed(StageTimes times, String stage, Supplier<T> work) {
    ArticleBudget.stage(stage);
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      times.add(stage, System.nanoTime() - t0);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    framing.close();
  }
}
