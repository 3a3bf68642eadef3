package org.parallax.outlets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.parallax.ParallaxException;
import org.parallax.align.Embedder;
import org.parallax.model.Article;
import org.parallax.nlp.NlpModels;
import org.parallax.nlp.SentenceSplitter;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryInfo;

/**
 * The separate pass that keeps the outlet profiles' claim figures current: after an ingest, every story that three
 * or more identified outlets cover and whose article list changed since it was last analysed (or never was) is
 * read from the store and analysed once by {@link StoryClaims} (articles copying another outlet's left out, see
 * {@link #copiesOfOthers}), and its sentence pairs across outlets by {@link StoryConflicts}; the results are
 * appended to {@link OutletClaims#LOG}. Bounded: only shared stories, each only when it changes, at most
 * {@link StoryClaims.Params#maxArticles} articles per outlet and {@link StoryClaims.Params#maxSentences} sentences
 * per article, at most {@link StoryConflicts#MAX_PAIRS} pairs per story compared for conflicts. Runs on a pool of one
 * thread per core, one splitter and one tagger per thread; the few sentences the conflicts need embedded are
 * embedded together at the end (the embedder spreads them over the cores itself).
 */
public final class StoryClaimsPass {
  /**
   * Stories shared, analysed now, their articles read, the seconds it took, the sentence pairs compared for
   * conflicts, those that needed embedding (could still yield a shown conflict) and the shown conflicts found.
   */
  public record Counts(int shared, int analysed, long articles, double seconds, long pairs, long embedded,
                       long conflicts) {}

  /** Marks a signature whose story was also compared for conflicts: a story analysed without them is redone. */
  static final String CONFLICTS_VERSION = "c1|";

  private StoryClaimsPass() {}

  /** The pass with conflicts, embedding with a MiniLM embedder made only if a pair needs one. */
  public static Counts run(CorpusStore store, NlpModels models, StoryClaims.Params params) {
    return run(store, models, params, org.parallax.align.MiniLmEmbedder::new);
  }

  /**
   * @param embedder gives the embedder for the pairs that could conflict (asked at most once, only when one does);
   *                 null: no conflicts are looked for (for measuring what they cost), and the lines say so
   */
  public static Counts run(CorpusStore store, NlpModels models, StoryClaims.Params params,
                           Supplier<Embedder> embedder) {
    long start = System.nanoTime();
    OutletClaims claims;
    try {
      claims = OutletClaims.load(store.directory());
    } catch (IOException e) {
      throw new ParallaxException("cannot read " + OutletClaims.LOG + " in the store: " + e.getMessage(), e);
    }
    boolean conflicts = embedder != null;
    List<String> todo = new ArrayList<>();
    Map<String, String> signatures = new HashMap<>();
    int shared = 0;
    for (StoryInfo s : store.stories(null)) {
      if (OutletProfiles.identified(s.outlets()) < OutletProfiles.SHARED_OUTLETS) {
        continue;
      }
      shared++;
      String sig = (conflicts ? CONFLICTS_VERSION : "") + signature(s);
      if (!sig.equals(claims.signature(s.id()))) {
        todo.add(s.id());
        signatures.put(s.id(), sig);
      }
    }
    ThreadLocal<StoryClaims> local = ThreadLocal.withInitial(
        () -> new StoryClaims(params, new SentenceSplitter(models)));
    ThreadLocal<StoryConflicts> localConflicts = ThreadLocal.withInitial(
        () -> new StoryConflicts(models, params.link()));
    long[] counts = new long[2];
    record Analysed(String id, StoryClaims.Result result, Map<String, String> months,
                    List<StoryConflicts.Prepared> prepared) {}
    List<Analysed> analysed;
    // Its own pool, one thread per core: the common pool has one thread fewer, and this caller only waits.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      analysed = pool.submit(() -> todo.parallelStream().map(id -> {
        List<StoryClaims.Input> in = new ArrayList<>();
        Map<String, String> months = new HashMap<>();
        List<Article> stored = store.storyArticles(id);
        java.util.Set<String> copies = copiesOfOthers(store, stored);
        for (Article a : stored) {
          String outlet = OutletLedger.outletOf(a);
          if (outlet.equals(OutletLedger.UNKNOWN) || copies.contains(a.id())) {
            continue;
          }
          in.add(new StoryClaims.Input(a.id(), outlet, a.body()));
          months.putIfAbsent(outlet, OutletLedger.monthOf(a.date()));
        }
        StoryClaims.Result r = local.get().analyse(in);
        List<StoryConflicts.Prepared> prepared = conflicts ? localConflicts.get().prepare(r.pairs()) : List.of();
        synchronized (counts) {
          counts[0] += in.size();
          counts[1] += r.pairs().size();
        }
        return new Analysed(id, r, months, prepared);
      }).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParallaxException("outlet claims pass interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new ParallaxException(e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
    List<StoryConflicts.Prepared> all = new ArrayList<>();
    analysed.forEach(a -> all.addAll(a.prepared()));
    Map<String, float[]> vectors = all.isEmpty() ? Map.of()
        : StoryConflicts.embed(embedder.get(), StoryConflicts.texts(all));
    StoryConflicts detector = all.isEmpty() ? null : new StoryConflicts(models, params.link());
    List<OutletClaims.Line> lines = new ArrayList<>();
    long found = 0;
    for (Analysed a : analysed) {
      List<StoryConflicts.Found> f = !conflicts ? null
          : a.prepared().isEmpty() ? List.of() : detector.detect(a.prepared(), vectors);
      found += f == null ? 0 : f.size();
      lines.add(OutletClaims.line(a.id(), signatures.get(a.id()), a.result(), a.months(), f));
    }
    try {
      claims.append(store.directory(), lines);
    } catch (IOException e) {
      throw new ParallaxException("cannot write " + OutletClaims.LOG + ": " + e.getMessage(), e);
    }
    return new Counts(shared, todo.size(), counts[0], (System.nanoTime() - start) / 1e9, counts[1], all.size(),
        found);
  }

  /**
   * The articles that copy (republish or rewrite) an article of another outlet: left out of the triangulation, as
   * {@code analyze} counts copies once, so that an original's sentences are not "stated" by its copy and one text
   * does not count as two outlets for a consensus. The copy side of a relation of unknown direction (the later).
   */
  static java.util.Set<String> copiesOfOthers(CorpusStore store, List<Article> articles) {
    Map<String, String> outletOf = new HashMap<>();
    for (Article a : articles) {
      outletOf.put(a.id(), OutletLedger.outletOf(a));
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    for (org.parallax.model.Copy c : store.copiesOf(outletOf.keySet())) {
      String from = outletOf.get(c.source());
      String to = outletOf.get(c.copy());
      if (from != null && to != null && !from.equals(to)) {
        out.add(c.copy());
      }
    }
    return out;
  }

  /**
   * What changes when a story takes an article: its size, its dates and its outlets (a story only grows, so its
   * size alone tells; the rest guards a story rebuilt with other articles), as a short hash.
   */
  static String signature(StoryInfo s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(String.valueOf(s.from()), String.valueOf(s.to()), String.join("\n", s.outlets()))) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return s.size() + ":" + java.util.HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
