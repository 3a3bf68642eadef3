package org.parallax.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.clean.Boilerplate;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.model.Copy;
import org.parallax.model.Skipped;
import org.parallax.nlp.NlpModels;
import org.parallax.outlets.OutletLanguage;
import org.parallax.outlets.OutletLedger;
import org.parallax.reuse.CopyDetector;
import org.parallax.stories.DocumentFrequencies;
import org.parallax.stories.GatedGrouping;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.TermVector;
import org.parallax.store.CorpusStore;

/**
 * Corpus mode's flow for a stream of documents: clean → features → exact duplicate check → the outlet's
 * boilerplate removed ({@link Boilerplate}, learned from the articles before) → copy detection → story → store. Documents are taken in chunks: cleaning, features and indexing run in parallel, while the
 * decisions that depend on earlier articles (duplicates, copies, stories) run in input order on one thread, so the
 * same input always gives the same result. Every {@code batch} stored articles the store commits — articles, their
 * stories and copy relations together — so a run killed at any point keeps every committed batch, and a rerun
 * skips what is stored and goes on.
 */
public final class CorpusIngester implements AutoCloseable {
  /** Counters so far. */
  public record Counts(long read, long added, long duplicates, long skipped, long copies, long storiesOpened) {}

  /** Tuning of corpus mode. */
  public record Settings(StoryClusterer.Params stories, CopyDetector.Params copies, int batch, int vectorTerms,
                         int dfSlots) {
    /**
     * Articles per commit, the one default of every mode (`ingest --batch`, the scale bench, the Spark job, the
     * evaluations): commits also evict, so modes that disagree on it would place articles differently.
     */
    public static final int DEFAULT_BATCH = 5000;

    public static Settings defaults() {
      return new Settings(StoryClusterer.Params.defaults(), CopyDetector.Params.defaults(), DEFAULT_BATCH, 60,
          1 << 21);
    }
  }

  private static final int CHUNK = 256;
  private static final String DF_FILE = "document-frequencies.bin";
  private static final String BOILERPLATE_FILE = "boilerplate.bin";

  private final CorpusStore store;
  /** Embeds every article ({@code SEMANTIC}); null otherwise. */
  private final Embedder embedder;
  private final Grouping grouping;
  /** Words of the body embedded with the headline: the lead, where a news article states its event. */
  private static final int LEAD_WORDS = 60;
  private final Settings settings;
  private final Consumer<Skipped> skipped;
  private final NlpModels models;
  private ArticlePreparer preparer;
  private Consumer<Placed> placed = p -> { };
  private final DocumentFrequencies df;
  private final StoryClusterer clusterer;
  /** The default grouping over the clusterer; null in the others. */
  private final GatedGrouping gated;
  private final CopyDetector copies;
  /** Per-outlet monthly figures, kept current as articles are stored; null when turned off. */
  private OutletLedger ledger;
  private final OutletLanguage outletLanguage = new OutletLanguage();
  private final Boilerplate boilerplate = Boilerplate.defaults();
  private long boilerplateRemoved;
  private final List<Document> chunk = new ArrayList<>(CHUNK);
  private final List<PreparedArticle> preparedChunk = new ArrayList<>(CHUNK);
  private long read;
  private long added;
  private long duplicates;
  private long skippedCount;
  private long copyCount;
  private long storiesOpened;
  private long sinceCommit;
  /**
   * The ingester's own workers, one per core: the common pool has one worker fewer than there are cores, and with
   * one worker {@code CompletableFuture} would start a thread per task instead.
   */
  private final ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  private CompletableFuture<List<PreparedArticle>> inFlight;
  /** The last decided chunk being indexed while the next one is decided; joined before a commit. */
  private CompletableFuture<Void> indexing = CompletableFuture.completedFuture(null);

  /**
   * How stories are grouped. {@code FAST}: TF-IDF alone. {@code DEFAULT}: TF-IDF, and where its scores are
   * ambiguous the headline-and-lead embeddings blended in (see {@link org.parallax.stories.GatedGrouping}). {@code
   * SEMANTIC}: every article embedded and the blend used throughout, at the embedder's pace.
   */
  public enum Grouping { FAST, DEFAULT, SEMANTIC }

  /** The fast (lexical) grouping, which needs no embedder. */
  public CorpusIngester(CorpusStore store, NlpModels models, Settings settings, Consumer<Skipped> skipped) {
    this(store, models, settings, Grouping.FAST, null, skipped);
  }

  /** With a grouping; every grouping but {@code FAST} needs the embedder. */
  public CorpusIngester(CorpusStore store, NlpModels models, Settings settings, Grouping grouping,
                        Embedder embedder, Consumer<Skipped> skipped) {
    if (grouping != Grouping.FAST && embedder == null) {
      throw new IllegalArgumentException(grouping + " grouping needs an embedder");
    }
    this.grouping = grouping;
    this.embedder = grouping == Grouping.SEMANTIC ? embedder : null;
    this.store = store;
    this.settings = settings;
    this.skipped = skipped;
    this.models = models;
    this.preparer = new ArticlePreparer(models, true);
    try {
      df = DocumentFrequencies.load(store.directory().resolve(DF_FILE), settings.dfSlots());
    } catch (IOException e) {
      throw new ParallaxException("cannot read " + DF_FILE + " in the store: " + e.getMessage(), e);
    }
    clusterer = new StoryClusterer(settings.stories(), store::storiesWithDaysIn);
    // Headline vectors only for a headline gate that is on: the default's is off, and they were about 8 % of what
    // the default costs over --fast outside the encoder (BENCHMARKS.md, issue 17, session s19).
    gated = grouping != Grouping.DEFAULT ? null
        : new GatedGrouping(clusterer, embedder, !settings.stories().headlineGate() ? null
            : title -> TermVector.of(ArticleFeatures.headlineTerms(title), df, settings.vectorTerms()));
    copies = new CopyDetector(settings.copies(), store::articlesWithDaysIn);
    try {
      // Only appended to: the figures are counted where a profile reads the log, so ingest holds none of them.
      ledger = OutletLedger.appending(store.directory());
    } catch (IOException e) {
      throw new ParallaxException("cannot read " + OutletLedger.LOG + " in the store: " + e.getMessage(), e);
    }
    try {
      boilerplate.load(store.directory().resolve(BOILERPLATE_FILE));
    } catch (IOException | RuntimeException e) {
      throw new ParallaxException("cannot read " + BOILERPLATE_FILE + " in the store: " + e.getMessage(), e);
    }
  }

  /**
   * Turns the outlet profiles' figures off for this run (on by default): for measuring what they cost. A store
   * ingested without them has profiles that lack these articles.
   */
  public void withoutOutletProfiles() {
    ledger = null;
    preparer = new ArticlePreparer(models, false);
  }

  /** Paragraphs removed from stored bodies as their outlet's boilerplate, so far. */
  public long boilerplateRemoved() {
    return boilerplateRemoved;
  }

  /** Takes one document; work happens a chunk at a time. */
  public void accept(Document d) {
    read++;
    chunk.add(d);
    if (chunk.size() == CHUNK) {
      flushChunk();
    }
  }

  /**
   * Where a stored article went: its id in the store (made unique when taken), its story, and the paragraphs of
   * the prepared body removed as boilerplate ({@link Boilerplate#withoutParagraphs}).
   */
  public record Placed(Document doc, String id, String story, java.util.BitSet boilerplate) {}

  /** Tells {@code listener} about every article stored, in input order (for callers that keep their own record). */
  public void onPlaced(Consumer<Placed> listener) {
    this.placed = listener;
  }

  /**
   * Takes an article prepared elsewhere (by {@link ArticlePreparer}, e.g. on a cluster) and decides on it exactly
   * as on one read here; prepared and raw inputs must not be mixed in one run (their order would not be kept).
   */
  public void acceptPrepared(PreparedArticle p) {
    read++;
    preparedChunk.add(p);
    if (preparedChunk.size() == CHUNK) {
      flushPrepared();
    }
  }

  private void flushPrepared() {
    finishPrevious();
    decide(List.copyOf(preparedChunk));
    preparedChunk.clear();
  }

  /** Reports an input that could not be read. */
  public void skip(Skipped s) {
    skippedCount++;
    skipped.accept(s);
  }

  public Counts counts() {
    return new Counts(read, added, duplicates, skippedCount, copyCount, storiesOpened);
  }

  /** Articles whose headline and lead the default grouping embedded (ambiguous ones), so far. */
  public long embedded() {
    return grouping == Grouping.SEMANTIC ? added : gated == null ? 0 : gated.embeddedArticles();
  }

  /** Processes what is buffered and commits. */
  public void commit() {
    flushChunk();
    if (!preparedChunk.isEmpty()) {
      flushPrepared();
    }
    persist();
  }

  @Override
  public void close() {
    try {
      commit();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts preparing the buffered chunk on the worker pool and finishes the previous one meanwhile, so the
   * in-order decisions of one chunk overlap the cleaning of the next.
   */
  private void flushChunk() {
    if (chunk.isEmpty()) {
      return;
    }
    List<Document> docs = List.copyOf(chunk);
    chunk.clear();
    CompletableFuture<List<PreparedArticle>> next = CompletableFuture.supplyAsync(
        () -> embed(docs.parallelStream().map(preparer::prepare).toList()), pool);
    finishPrevious();
    inFlight = next;
  }

  /** Waits for the chunk being prepared, if any, and runs its in-order decisions. */
  private void finishPrevious() {
    if (inFlight == null) {
      return;
    }
    List<PreparedArticle> prepared = inFlight.join();
    inFlight = null;
    decide(prepared);
  }

  private void decide(List<PreparedArticle> prepared) {
    if (grouping == Grouping.DEFAULT) {
      prefetch(prepared);
    }
    List<CorpusStore.Stored> toStore = new ArrayList<>(prepared.size());
    // the language measured while preparing, per article stored; null where the stored body differs from the
    // prepared one (boilerplate removed), measured again when indexing
    List<OutletLanguage.Measured> languages = new ArrayList<>(prepared.size());
    for (PreparedArticle p : prepared) {
      if (p.problem() != null) {
        skip(new Skipped(p.doc().path(), p.problem()));
        continue;
      }
      CorpusStore.Added r = store.claim(p.article(), p.features().contentHash());
      if (!r.added()) {
        duplicates++;
        continue;
      }
      for (String note : p.notes()) { // stored on its first part: said, as analyze says it
        skip(new Skipped(p.doc().path(), note + " (stored)"));
      }
      Article a = p.article();
      ArticleFeatures features = p.features();
      int outlet = ArticleFeatures.outletKey(a);
      Boilerplate.Verdict boiler = boilerplate.judge(a, outlet, features.blocks());
      if (boiler.any()) { // the outlet's boilerplate leaves the body and the copy fingerprint
        boilerplateRemoved += boiler.cleaned().removed().size() - a.removed().size();
        a = boiler.cleaned();
        // the evidence (a credit line is often the outlet's boilerplate) is read from the text as it came
        features = ArticleFeatures.of(a, boiler.copyText(), p.features().fingerprint().evidence());
      }
      Long day = a.date() == null ? null : CorpusStore.epochDay(a.date());
      long key = day == null ? Story.UNDATED : day;
      List<Copy> found = copies.add(new CopyDetector.Entry(r.id(), key, r.seq(), features.fingerprint()));
      for (Copy c : found) {
        store.addCopy(c);
        copyCount++;
      }
      df.add(p.features().terms());
      TermVector v = TermVector.of(p.features().terms(), df, settings.vectorTerms());
      String date = day == null ? null : a.date().substring(0, 10);
      Story s = grouping == Grouping.DEFAULT
          ? gated.assign(r.id(), key, date, a.outlet(), label(a), v, headlineAndLead(a))
          : clusterer.assign(r.id(), key, date, a.outlet(), label(a), v, p.embedding());
      if (s.size() == 1) {
        storiesOpened++;
      }
      if (ledger != null) {
        ledger.place(r.id(), a, s.id(), found, p.doc().topic());
      }
      boilerplate.learn(outlet, s.id().hashCode(), p.features().blocks());
      toStore.add(new CorpusStore.Stored(a, r, s.id(), features.fingerprint()));
      languages.add(a == p.article() ? p.language() : null);
      placed.accept(new Placed(p.doc(), r.id(), s.id(), boiler.dropped()));
    }
    // Indexing is thread-safe and costly, and later decisions do not read it (the store keeps uncommitted keys
    // aside): it runs on the pool while the next chunk is decided, one chunk at a time.
    awaitIndexing();
    OutletLedger profiles = ledger;
    indexing = CompletableFuture.runAsync(() -> java.util.stream.IntStream.range(0, toStore.size()).parallel()
        .forEach(i -> {
          CorpusStore.Stored st = toStore.get(i);
          store.addArticle(st);
          if (profiles != null) {
            OutletLanguage.Measured m = languages.get(i);
            profiles.addLanguage(st.claim().id(), m != null ? m : outletLanguage.measure(st.article().body()));
          }
        }), pool);
    added += toStore.size();
    sinceCommit += toStore.size();
    if (sinceCommit >= settings.batch()) {
      persist();
    }
  }

  /**
   * Lets the clusterer embed, in one batch, the articles of the chunk it will probably find ambiguous (vectors
   * from the document frequencies before the chunk: a guess, which changes no decision).
   */
  private void prefetch(List<PreparedArticle> prepared) {
    List<TermVector> vectors = new ArrayList<>(prepared.size());
    List<String> leads = new ArrayList<>(prepared.size());
    List<String> labels = new ArrayList<>(prepared.size());
    long[] days = new long[prepared.size()];
    for (PreparedArticle p : prepared) {
      if (p.problem() == null) {
        Article a = p.article();
        Long day = a.date() == null ? null : CorpusStore.epochDay(a.date());
        days[vectors.size()] = day == null ? Story.UNDATED : day;
        vectors.add(TermVector.of(p.features().terms(), df, settings.vectorTerms()));
        leads.add(headlineAndLead(a));
        labels.add(label(a));
      }
    }
    gated.prefetch(vectors, java.util.Arrays.copyOf(days, vectors.size()), leads, labels);
  }

  /** Tells {@code listener} about every decision of the default grouping that embeddings took part in. */
  public void traceDecisions(Consumer<GatedGrouping.Decision> listener) {
    if (gated != null) {
      gated.trace(listener);
    }
  }

  /** Ambiguous articles the default grouping's headline gate settled without embedding, so far. */
  public long gatedOut() {
    return gated == null ? 0 : gated.gatedOut();
  }

  /** Stories of a store grouped with another encoder that the default grouping embedded again, so far. */
  public long embeddedAgain() {
    return gated == null ? 0 : gated.embeddedAgain();
  }

  /**
   * Texts the default grouping embedded ahead in batches, one article at a time when a guess missed, and those
   * the decisions used (the rest of those embedded ahead were guessed in vain).
   */
  public long[] embeddingCalls() {
    return gated == null ? new long[3]
        : new long[] {gated.prefetchedTexts(), gated.lateTexts(), gated.embeddedTexts()};
  }

  /** Adds headline-and-lead embeddings in one batch (the embedder uses every core itself). */
  private List<PreparedArticle> embed(List<PreparedArticle> prepared) {
    if (embedder == null) {
      return prepared;
    }
    List<Integer> at = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      Article a = prepared.get(i).article();
      if (a != null) {
        at.add(i);
        texts.add(headlineAndLead(a));
      }
    }
    float[][] e = embedder.embed(texts);
    List<PreparedArticle> out = new ArrayList<>(prepared);
    for (int k = 0; k < at.size(); k++) {
      out.set(at.get(k), prepared.get(at.get(k)).withEmbedding(e[k]));
    }
    return out;
  }

  /** The text embedded for semantic story scoring: the headline and the first words of the body. */
  public static String headlineAndLead(Article a) {
    StringBuilder sb = new StringBuilder(a.title() == null ? "" : a.title().strip() + ". ");
    // The first words, whitespace runs made single spaces; a scan, not a split: the default grouping keeps the
    // lead of most articles, and splitting whole bodies on the sequential pass cost more than the rest of it.
    String body = a.body();
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
      if (space) {
        if (inWord) {
          sb.append(' ');
          inWord = false;
        }
      } else {
        if (!inWord && ++words > LEAD_WORDS) {
          break;
        }
        inWord = true;
        sb.append(c);
      }
    }
    return sb.toString().strip();
  }

  /** Each worker flushes indexing buffers until none is left, so that the commit has only to sync. */
  private void flushInParallel() {
    List<java.util.concurrent.ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int i = 0; i < pool.getParallelism(); i++) {
      tasks.add(pool.submit(() -> {
        while (store.flushBuffer()) {
          // next buffer
        }
      }));
    }
    tasks.forEach(java.util.concurrent.ForkJoinTask::join);
  }

  private void awaitIndexing() {
    try {
      indexing.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void persist() {
    finishPrevious();
    awaitIndexing();
    for (Story s : clusterer.drainChanged()) {
      store.putStory(s);
    }
    try {
      df.save(store.directory().resolve(DF_FILE));
      boilerplate.save(store.directory().resolve(BOILERPLATE_FILE));
      if (ledger != null) {
        ledger.save(store.directory());
      }
    } catch (IOException e) {
      throw new ParallaxException("cannot save " + DF_FILE + ", " + BOILERPLATE_FILE + " or " + OutletLedger.FILE + ": "
          + e.getMessage(), e);
    }
    flushInParallel();
    store.commit();
    sinceCommit = 0;
    clusterer.evict();
    copies.evict();
  }

  private static String label(Article a) {
    if (a.title() != null && !a.title().isBlank()) {
      return a.title().strip();
    }
    String b = a.body().strip();
    int end = b.indexOf('\n');
    String first = end < 0 ? b : b.substring(0, end);
    return first.length() > 120 ? first.substring(0, 117) + "…" : first;
  }
}
