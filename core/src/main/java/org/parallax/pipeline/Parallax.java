package org.parallax.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.parallax.align.ClaimAligner;
import org.parallax.align.ClaimVectors;
import org.parallax.align.ConflictDetector;
import org.parallax.align.CoverageAnalyzer;
import org.parallax.align.Embedder;
import org.parallax.align.Independence;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.claims.ClaimExtractor;
import org.parallax.clean.ArticleCleaner;
import org.parallax.config.ParallaxConfig;
import org.parallax.framing.LoadedLanguageDetector;
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
import org.parallax.model.Span;
import org.parallax.model.SummarySentence;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.LanguageIdentifier;
import org.parallax.nlp.MentionFinder;
import org.parallax.nlp.NlpModels;
import org.parallax.quotes.PatternQuoteAttributor;
import org.parallax.quotes.QuoteSpans;
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
  private final ExecutorService pool;
  private final ThreadLocal<Annotator> annotators;
  private final ThreadLocal<LanguageIdentifier> languages;
  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final MentionFinder mentions = new MentionFinder();
  private final PatternQuoteAttributor quotes;
  private final StorySpeakers storySpeakers;
  private final ClaimExtractor claims;
  private final LoadedLanguageDetector loaded = new LoadedLanguageDetector();
  private final VoiceBalance voices = new VoiceBalance();

  public Parallax(ParallaxConfig config, NlpModels models, Embedder embedder, int threads) {
    this.config = config;
    this.models = models;
    this.embedder = embedder;
    this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "parallax-worker");
      t.setDaemon(true);
      return t;
    });
    this.annotators = ThreadLocal.withInitial(() -> new Annotator(models));
    this.languages = ThreadLocal.withInitial(() -> new LanguageIdentifier(models));
    SideGazetteer sides = new SideGazetteer();
    this.quotes = new PatternQuoteAttributor(sides);
    this.storySpeakers = new StorySpeakers(sides);
    this.claims = new ClaimExtractor(config.maxClaimsPerArticle(), sides);
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
  public NlpModels models() {
    return models;
  }

  public Report analyze(List<Path> inputs) {
    return analyze(inputs, new StageTimes());
  }

  public Report analyze(List<Path> inputs, StageTimes times) {
    IngestResult ingest = timed(times, "ingest", () -> new InputReader(config).read(inputs));
    return analyze(ingest, times);
  }

  public Report analyze(IngestResult ingest, StageTimes times) {
    List<Future<Outcome>> futures = new ArrayList<>();
    for (Document d : ingest.documents()) {
      futures.add(pool.submit(() -> perArticle(d, times)));
    }
    return collect(futures, ingest.skipped(), times);
  }

  /** The report of articles that are already clean (from the corpus store): cleaning is not repeated. */
  public Report analyzeCleaned(List<Article> articles, StageTimes times) {
    List<Future<Outcome>> futures = new ArrayList<>();
    for (Article a : articles) {
      futures.add(pool.submit(() -> {
        List<Skipped> notes = new ArrayList<>();
        return analyzeClean(a, notes, times);
      }));
    }
    return collect(futures, List.of(), times);
  }

  private Report collect(List<Future<Outcome>> futures, List<Skipped> readProblems, StageTimes times) {
    List<Skipped> skipped = new ArrayList<>(readProblems);
    List<AnalyzedArticle> all = new ArrayList<>();
    Map<String, String> byBody = new HashMap<>();
    for (Future<Outcome> f : futures) {
      Outcome o;
      try {
        o = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
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
      article = timed(times, "clean", () -> cleaner.clean(d));
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
      List<Sentence> sentences = timed(times, "annotate", () -> annotators.get().annotate(a.body()));
      var found = mentions.find(sentences);
      stage = "quotes";
      List<Quote> qs = timed(times, "quotes", () -> quotes.attribute(a.id(), a.body(), sentences));
      stage = "claims";
      List<Claim> cs = timed(times, "claims", () -> claims.extract(a.id(), sentences, qs));
      stage = "framing";
      LoadedLanguage ll = timed(times, "framing", () -> loaded.detect(a.body(), quotationSpans(a.body())));
      return new Outcome(new AnalyzedArticle(a, sentences, found, qs, cs, ll), notes);
    } catch (RuntimeException e) {
      notes.add(new Skipped(where, "analysis failed in stage '" + stage + "': " + e));
      return new Outcome(null, notes);
    }
  }

  private static List<Span> quotationSpans(String body) {
    List<Span> out = new ArrayList<>();
    for (Span s : QuoteSpans.find(body)) {
      if (body.substring(s.start(), s.end()).split("\\s+").length > 3) {
        out.add(s); // short quoted phrases may be scare quotes, which are framing
      }
    }
    return out;
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
    for (AnalyzedArticle a : english) {
      allClaims.addAll(a.claims());
      allQuotes.addAll(a.quotes());
      byId.put(a.id(), a);
    }
    ClaimVectors vectors = timed(times, "embed", () -> new ClaimVectors(allClaims, embedder,
        english.size() > 1 ? config.embedMinSharedWords() : 0));
    times.count("claims", vectors.claims());
    times.count("embedded", vectors.embedded());
    List<Reuse> reuse = timed(times, "reuse", () -> new ReuseDetector(config.reuseSentenceSimilarity(), 8)
        .detect(english, vectors));
    Independence independence = new Independence(reuse);
    ClaimAligner.Alignment alignment = timed(times, "align", () -> new ClaimAligner(config.claimSimilarity(),
        config.claimAgreement(), config.consensusShare()).align(allClaims, vectors, english.size(), independence,
        new ArrayList<>(byId.keySet())));
    List<Conflict> conflicts = english.size() < 2 ? List.of() : timed(times, "conflicts",
        () -> new ConflictDetector(config.topicSimilarity(), config.negationSimilarity(),
            config.numberTolerance()).detect(allClaims, vectors, allQuotes));
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
          r.language(), r.body(), r.removed(), a.loaded(), voices.of(a.quotes()), a.sentences().size()));
    }
    return new Report(articles, allQuotes, groups, conflicts, reuse, coverage, summary, skipped,
        speakers.speakers());
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
  }
}
