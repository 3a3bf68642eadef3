package org.parallax.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.align.Embedder;

/**
 * Groups articles into stories incrementally, one article at a time in input order (single pass, no merges, so
 * story ids stay stable): an article joins the most similar story that has an article within {@code gapDays} of
 * its date, if the cosine similarity of its TF-IDF vector (words and names, headline counted twice) with the
 * story's centroid reaches {@code threshold}; otherwise it opens a new story. Undated articles are compared with
 * the most recently touched undated stories (at most {@code undatedCapacity}, through a term index) and those around
 * the last dated article. With embeddings, the score blends in their similarity ({@code semanticWeight}).
 *
 * <p>Memory is bounded: only stories around recently seen dates are held. Days are loaded from the {@link Loader}
 * (the store) the first time they are needed and dropped, least recently used first, when more than
 * {@code capacity} stories are held — so the cost per article depends on how many stories share its dates, not on
 * the size of the store. Call {@link #evict()} only after the {@link #drainChanged() changed} stories have been
 * saved.
 */
public final class StoryClusterer {
  /** Reads saved stories that have an article dated within a day range (inclusive). */
  public interface Loader {
    List<Story> storiesWithDaysIn(long fromDay, long toDay);
  }

  /**
   * Tuning; {@link #defaults()} are measured on NeuS train (BENCHMARKS.md). {@code capacity} bounds the stories
   * held in memory; {@code undatedCapacity} (part of it) the undated stories that undated articles are compared
   * with, the most recently touched ones. {@code semanticWeight} is the share of the headline-and-lead embedding
   * similarity in the score when articles come with embeddings (the rest is TF-IDF); {@code semanticThreshold}
   * replaces {@code threshold} then. In the gated mode ({@link GatedGrouping}) an article is embedded only when its
   * best TF-IDF score is below {@code bandHigh} and some candidate reaches {@code bandLow}: below the band, an
   * embedding could not lift the blend over its threshold but for near-identical leads; above it, the blend
   * would agree with TF-IDF. Of the candidates in the band only the {@code bandTop} best by TF-IDF are embedded and
   * compared: on AllSides an article has many same-topic stories in the band, each costing an encoder call, and
   * the event is seldom one the words rank lower (NeuS train: 3 is as good as all, 1 is not). All measured on NeuS
   * train (BENCHMARKS.md).
   *
   * <p>{@code gateNew} and {@code gateJoin} are the headline gate of the gated mode, for dated articles only: an
   * ambiguous article is settled by TF-IDF without being embedded when TF-IDF would open a new story and no band
   * candidate's first headline reaches a TF-IDF cosine of {@code gateNew} with the article's, or when TF-IDF would
   * join its best candidate and that one's headline reaches {@code gateJoin}. Off by default ({@code 0} and
   * infinity): on NeuS train (undated, so measured with the gate on every article) (0.20, 0.40) cost 0.013 of
   * B-cubed F1 and (0.20, 0.30) 0.018; on AllSides (0.30, 0.20) embeds about 40 % of the articles it did, but of
   * 30 decisions it changed that were read, 20 split reports of one event (BENCHMARKS.md, issue 17).
   *
   * <p>{@code leadThreshold} replaces {@code semanticThreshold} in the gated mode when its encoder is not MiniLM
   * (the distilled {@link LeadEncoder}, the default's): 0.47, the threshold at which its grouping of AllSides agrees
   * most with MiniLM's at 0.45 (B-cubed F1 of one partition against the other: 0.961, 0.968, 0.965 at 0.45, 0.47,
   * 0.49), the student being there to reproduce MiniLM's decisions; on NeuS train 0.47 to 0.51 are within 0.004 of
   * each other (0.747 to 0.751; BENCHMARKS.md, issue 17).
   */
  public record Params(double threshold, int gapDays, int centroidTerms, int capacity, int undatedCapacity,
                       double semanticWeight, double semanticThreshold, double bandLow, double bandHigh,
                       int bandTop, double gateNew, double gateJoin, double leadThreshold) {
    public static Params defaults() {
      return new Params(0.30, 3, 150, 50_000, 20_000, 0.5, 0.45, 0.20, 0.60, 3, 0.0, Double.POSITIVE_INFINITY, 0.47);
    }

    /** Without the headline gate (every ambiguous article embedded). */
    public Params(double threshold, int gapDays, int centroidTerms, int capacity, int undatedCapacity,
                  double semanticWeight, double semanticThreshold, double bandLow, double bandHigh, int bandTop) {
      this(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight, semanticThreshold,
          bandLow, bandHigh, bandTop, 0.0, Double.POSITIVE_INFINITY, defaults().leadThreshold());
    }

    /** Whether the headline gate can settle an article (off in the defaults). */
    public boolean headlineGate() {
      return gateNew > 0 || gateJoin < Double.POSITIVE_INFINITY;
    }

    /** The same with another headline gate (gated mode; see {@link GatedGrouping}). */
    public Params withGate(double newStory, double join) {
      return new Params(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight,
          semanticThreshold, bandLow, bandHigh, bandTop, newStory, join, leadThreshold);
    }

    /** Without the gated mode's band (the defaults'). */
    public Params(double threshold, int gapDays, int centroidTerms, int capacity, int undatedCapacity,
                  double semanticWeight, double semanticThreshold) {
      this(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight, semanticThreshold,
          defaults().bandLow(), defaults().bandHigh(), defaults().bandTop());
    }

    /** The same with other thresholds. */
    public Params withThresholds(double lexical, double semantic) {
      return new Params(lexical, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight, semantic,
          bandLow, bandHigh, bandTop, gateNew, gateJoin, leadThreshold);
    }

    /** The same with another threshold of the gated mode's blend. */
    public Params withLeadThreshold(double t) {
      return new Params(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight,
          semanticThreshold, bandLow, bandHigh, bandTop, gateNew, gateJoin, t);
    }

    /** The same with another semantic weight. */
    public Params withSemanticWeight(double w) {
      return new Params(threshold, gapDays, centroidTerms, capacity, undatedCapacity, w, semanticThreshold,
          bandLow, bandHigh, bandTop, gateNew, gateJoin, leadThreshold);
    }

    /** The same with another number of band candidates embedded and compared (gated mode). */
    public Params withBandTop(int top) {
      return new Params(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight,
          semanticThreshold, bandLow, bandHigh, top, gateNew, gateJoin, leadThreshold);
    }

    /** The same with another band of ambiguous lexical scores (gated mode). */
    public Params withBand(double low, double high) {
      return new Params(threshold, gapDays, centroidTerms, capacity, undatedCapacity, semanticWeight,
          semanticThreshold, low, high, bandTop, gateNew, gateJoin, leadThreshold);
    }
  }

  private final Params params;
  private final Loader loader;
  private final Map<String, Story> live = new HashMap<>();
  private final Map<Long, List<Story>> byDay = new HashMap<>();
  /** Days whose stories are all in memory, least recently used first. */
  private final ResidentDays resident = new ResidentDays();
  private final Set<Story> changed = new LinkedHashSet<>();
  /**
   * Undated stories held, least recently touched first, and their term index: undated articles have no date window
   * to narrow the candidates, so they are compared with these only (bounded, so the cost does not grow forever).
   */
  private final java.util.LinkedHashMap<String, Story> undatedHeld = new java.util.LinkedHashMap<>(1024, 0.75f, true);
  private final TermPostings undated = new TermPostings(s -> s.indexed);
  private boolean undatedLoaded;
  private int visit;
  /** Day of the last dated article placed: where an undated one most likely belongs. */
  private long lastDay = Story.UNDATED;
  /** Undated stories touched last, which dated articles are also compared with (bounded: undated stories pile up). */
  private final java.util.ArrayDeque<Story> recentUndated = new java.util.ArrayDeque<>();
  private static final int RECENT_UNDATED = 64;
  /** Term index of {@link #recentUndated}: most of them share no term with a given dated article. */
  private final TermPostings recent = new TermPostings(s -> s.recentCount > 0);

  public StoryClusterer(Params params, Loader loader) {
    this.params = params;
    this.loader = loader;
  }

  /**
   * Places an article; returns the story it joined or opened. A dated article is compared with the stories that
   * have an article within {@code gapDays} of it and the {@value #RECENT_UNDATED} undated stories touched last; an
   * undated article with the undated stories held (the most recently touched ones) and those around the date of
   * the last dated article.
   */
  public Story assign(String articleId, long day, String date, String outlet, String label, TermVector v) {
    return assign(articleId, day, date, outlet, label, v, null);
  }

  /**
   * Like {@link #assign(String, long, String, String, String, TermVector)}, with the unit embedding of the
   * article's headline and lead blended into the score (see {@link Params#semanticWeight()}); null for none.
   */
  public Story assign(String articleId, long day, String date, String outlet, String label, TermVector v,
                      float[] embedding) {
    int stamp = ++visit;
    Story.Probe probe = new Story.Probe(v);
    Story[] best = {null};
    double w = embedding == null ? 0 : params.semanticWeight();
    double[] bestSim = {embedding == null ? params.threshold() : params.semanticThreshold()};
    java.util.function.Consumer<Story> consider = s -> {
      if (s.visited != stamp) { // a story spanning several days sits in several buckets
        s.visited = stamp;
        double sim = blend(s.similarity(probe), s, embedding, w);
        if (sim >= bestSim[0]) {
          bestSim[0] = sim;
          best[0] = s;
        }
      }
    };
    loadUndated();
    if (day == Story.UNDATED) {
      for (Story s : undated.score(v, stamp)) { // marks the stories visited, so the window below skips them
        double sim = blend(s.score / s.size(), s, embedding, w);
        if (sim >= bestSim[0]) {
          bestSim[0] = sim;
          best[0] = s;
        }
      }
      if (lastDay != Story.UNDATED) {
        window(lastDay, consider); // files of one event are usually read together
      }
    } else {
      if (embedding == null) {
        // Before the window, whose scan skips the stories marked here. Without embeddings a story sharing no term
        // scores 0, so scoring only those sharing one is exact.
        for (Story s : recent.score(v, stamp)) {
          double sim = s.score / s.size();
          if (sim >= bestSim[0]) {
            bestSim[0] = sim;
            best[0] = s;
          }
        }
      } else {
        recentUndated.forEach(consider);
      }
      window(day, consider);
      lastDay = day;
    }
    return place(best[0], articleId, day, date, outlet, label, v, embedding, Embedder.MINILM, null);
  }

  /**
   * The candidates an article is scored against, with their TF-IDF score, in the order the lexical mode scores
   * them (a story sharing no term scores 0, so only those sharing one are scored).
   */
  void gather(TermVector v, Story.Probe probe, long day, int stamp,
                      java.util.function.BiConsumer<Story, Double> keep) {
    java.util.function.Consumer<Story> consider = s -> {
      if (s.visited != stamp) {
        s.visited = stamp;
        keep.accept(s, s.similarity(probe));
      }
    };
    if (day == Story.UNDATED) {
      undated.score(v, stamp).forEach(s -> keep.accept(s, s.score / s.size()));
      if (lastDay != Story.UNDATED) {
        window(lastDay, consider);
      }
    } else {
      recent.score(v, stamp).forEach(s -> keep.accept(s, s.score / s.size()));
      window(day, consider);
    }
  }

  Params params() {
    return params;
  }

  /** A new mark for a candidate scan, so that a story in several day buckets is scored once. */
  int nextStamp() {
    return ++visit;
  }

  long lastDay() {
    return lastDay;
  }

  /** The day of the last dated article placed; scans around it are where undated articles look. */
  void lastDay(long day) {
    lastDay = day;
  }

  /** Marks a story for saving (its embeddings changed). */
  void changed(Story s) {
    changed.add(s);
  }

  Story place(Story chosen, String articleId, long day, String date, String outlet, String label,
                      TermVector v, float[] embedding, String space, String lead) {
    if (chosen == null) {
      chosen = new Story(storyId(articleId), label);
      live.put(chosen.id(), chosen);
    }
    boolean newDay = !chosen.days().contains(day);
    long[] before = chosen.centroidTerms();
    chosen.add(v, embedding, space, lead, day, date, outlet, params.centroidTerms());
    if (chosen.days().contains(Story.UNDATED)) {
      holdUndated(chosen, before);
    }
    if (chosen.recentCount > 0) {
      recent.update(chosen, before);
    }
    if (newDay && day != Story.UNDATED) {
      byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(chosen);
    }
    changed.add(chosen);
    if (day == Story.UNDATED) {
      recentUndated.addLast(chosen);
      if (chosen.recentCount++ == 0) {
        recent.update(chosen, new long[0]);
      }
      if (recentUndated.size() > RECENT_UNDATED) {
        recentUndated.removeFirst().recentCount--;
      }
    }
    // Stories pass through the queue fast and their centroids change: drop the stale entries now and then (a
    // rebuild indexes at most RECENT_UNDATED centroids, an eighth of the entries that trigger it).
    if (recent.entries() > 8L * RECENT_UNDATED * params.centroidTerms()) {
      recent.rebuild(new LinkedHashSet<>(recentUndated));
    }
    return chosen;
  }

  private static double blend(double lexical, Story s, float[] embedding, double w) {
    return w == 0 ? lexical : (1 - w) * lexical + w * s.semanticSimilarity(embedding, Embedder.MINILM);
  }

  private void window(long day, java.util.function.Consumer<Story> consider) {
    makeResident(day - params.gapDays(), day + params.gapDays());
    for (long d = day - params.gapDays(); d <= day + params.gapDays(); d++) {
      byDay.getOrDefault(d, List.of()).forEach(consider);
    }
  }

  /** Stories changed since the last call, for saving. */
  public List<Story> drainChanged() {
    List<Story> out = new ArrayList<>(changed);
    changed.clear();
    return out;
  }

  /** Drops the least recently used days while more than {@code capacity} stories are held. */
  public void evict() {
    if (!changed.isEmpty()) {
      throw new IllegalStateException("save changed stories before evicting");
    }
    Iterator<Long> oldest = resident.oldestFirst();
    while (live.size() > params.capacity() && oldest.hasNext()) {
      long day = oldest.next();
      oldest.remove();
      for (Story s : byDay.getOrDefault(day, List.of())) {
        if (s.days().stream().noneMatch(resident::contains) && !s.indexed) {
          live.remove(s.id());
          for (long d : s.days()) {
            List<Story> bucket = byDay.get(d);
            if (bucket != null && d != day) {
              bucket.remove(s);
            }
          }
        }
      }
      byDay.remove(day);
    }
    recentUndated.removeIf(s -> {
      boolean gone = live.get(s.id()) != s;
      if (gone) {
        s.recentCount--;
      }
      return gone;
    });
  }

  /** Number of stories held in memory. */
  public int held() {
    return live.size();
  }

  private void makeResident(long lo, long hi) {
    resident.ensure(lo, hi, this::load);
  }

  private void load(long from, long to) {
    for (Story s : loader.storiesWithDaysIn(from, to)) {
      if (live.containsKey(s.id())) {
        continue; // the copy in memory is newer than the saved one
      }
      live.put(s.id(), s);
      for (long d : s.days()) { // a story not held is in no bucket, so no duplicates arise
        if (d != Story.UNDATED) {
          byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
        }
      }
    }
  }

  /**
   * Reads the saved undated stories once, keeping the last {@code undatedCapacity} in index order (which roughly
   * follows save order: a saved story is rewritten at the end).
   */
  void loadUndated() {
    if (undatedLoaded) {
      return;
    }
    undatedLoaded = true;
    for (Story s : loader.storiesWithDaysIn(Story.UNDATED, Story.UNDATED)) {
      Story held = live.computeIfAbsent(s.id(), k -> s);
      holdUndated(held, new long[0]);
    }
  }

  /**
   * Keeps an undated story among those held and indexes its new centroid terms ({@code before}: the terms it had,
   * already indexed); beyond {@code undatedCapacity}, the least recently touched one leaves the index, and memory
   * unless a resident day still needs it.
   */
  private void holdUndated(Story s, long[] before) {
    if (undatedHeld.get(s.id()) == null || !s.indexed) {
      undatedHeld.put(s.id(), s);
      s.indexed = true;
      undated.update(s, new long[0]);
    } else {
      undated.update(s, before);
    }
    Iterator<Story> oldest = undatedHeld.values().iterator();
    while (undatedHeld.size() > params.undatedCapacity() && oldest.hasNext()) {
      Story old = oldest.next();
      oldest.remove();
      old.indexed = false; // its postings are dropped lazily
      if (recentUndated.remove(old)) {
        old.recentCount--;
      }
      if (old.days().stream().noneMatch(resident::contains)) {
        live.remove(old.id());
      }
    }
  }

  /** A stable id derived from the article that opened the story. */
  static String storyId(String articleId) {
    long h = 0xCBF2_9CE4_8422_2325L;
    for (int i = 0; i < articleId.length(); i++) {
      h = (h ^ articleId.charAt(i)) * 0x100_0000_01B3L;
    }
    return String.format("s%012x", h & 0xFFFF_FFFF_FFFFL);
  }
}
