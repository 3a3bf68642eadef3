package org.parallax.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parallax.align.Embedder;

/**
 * The default story grouping over a {@link StoryClusterer}: TF-IDF where its score is clear, the headline-and-lead
 * embeddings blended in where it is ambiguous (see {@link StoryClusterer.Params#bandLow()}), an embedding a decision
 * used never computed again and, as far as they can be guessed ahead, the embeddings made in batches.
 */
public final class GatedGrouping {
  private final StoryClusterer clusterer;
  private final StoryClusterer.Params params;
  private final Embedder encoder;
  private final double threshold;
  private long embeddedArticles;
  private long embeddedTexts;
  private long prefetched;
  private long embeddedLate;
  /** Stories read back embedded in another vector space, embedded again (see {@link Story#embedAgainIn}). */
  private long embeddedAgain;
  /** Embeddings {@link #prefetch prefetched} for the batch being decided, by text. */
  private final Map<String, float[]> cache = new HashMap<>();
  private java.util.function.Consumer<Decision> trace;

  /**
   * One embedded decision, for measuring the gate: the article, how many candidates were in the band, the TF-IDF
   * and embedding scores of those compared (best TF-IDF first), the story TF-IDF alone would have chosen and the
   * one chosen (null: a new story), as ids and labels, and the article's embedded text.
   */
  public record Decision(String articleId, long day, int inBand, double[] lexical, double[] semantic,
                         double[] headline, boolean gated, List<String> labels, String lexicalChoice, String lexicalLabel, String choice,
                         String choiceLabel, String lead) {}

  /** Tells {@code listener} about every decision the embeddings took part in (for measuring; null: none). */
  public void trace(java.util.function.Consumer<Decision> listener) {
    this.trace = listener;
  }

  /** Headline TF-IDF vectors, for the gate (null: no gate, every ambiguous article embedded). */
  private final Function<String, TermVector> headlines;
  private long gatedOut;

  /** Without the headline gate: every article in the band is embedded. */
  public GatedGrouping(StoryClusterer clusterer, Embedder encoder) {
    this(clusterer, encoder, null);
  }

  /**
   * With the headline gate ({@link StoryClusterer.Params#gateNew()}, {@link StoryClusterer.Params#gateJoin()}):
   * {@code headlines} gives a headline's TF-IDF vector (unit length), by which an article's headline is compared
   * with the first headline of each story it is ambiguous about.
   */
  public GatedGrouping(StoryClusterer clusterer, Embedder encoder, Function<String, TermVector> headlines) {
    this.clusterer = clusterer;
    this.params = clusterer.params();
    this.encoder = encoder;
    // Each encoder's blend threshold: MiniLM's is --semantic's; the distilled one's agrees most with MiniLM's grouping.
    this.threshold = Embedder.MINILM.equals(encoder.space()) ? params.semanticThreshold() : params.leadThreshold();
    this.headlines = headlines;
  }

  /**
   * Places an article by its TF-IDF score alone when that is clear — no candidate reaches
   * {@link StoryClusterer.Params#bandLow()}, or the best reaches {@link StoryClusterer.Params#bandHigh()} — and
   * otherwise embeds its headline and lead ({@code lead}) and the pending texts of the band's
   * {@link StoryClusterer.Params#bandTop()} best candidates by TF-IDF, in one call to the encoder, and decides on
   * the blended score as {@code --semantic} does over those candidates.
   * Embeddings are kept in the stories (and saved with them), so one a decision used is never computed again.
   */
  public Story assign(String articleId, long day, String date, String outlet, String label, TermVector v,
                     String lead) {
    int stamp = clusterer.nextStamp();
    Story.Probe probe = new Story.Probe(v);
    List<Story> candidates = new ArrayList<>();
    List<Double> lexical = new ArrayList<>();
    double floor = Math.min(params.bandLow(), params.threshold());
    java.util.function.BiConsumer<Story, Double> keep = (s, sim) -> {
      if (sim >= floor) {
        candidates.add(s);
        lexical.add(sim);
      }
    };
    clusterer.loadUndated();
    clusterer.gather(v, probe, day, stamp, keep);
    if (day != Story.UNDATED) {
      clusterer.lastDay(day);
    }
    Story chosen = null;
    double best = params.threshold();
    for (int i = 0; i < candidates.size(); i++) {
      if (lexical.get(i) >= best) {
        best = lexical.get(i);
        chosen = candidates.get(i);
      }
    }
    float[] embedding = null;
    Story lexicalChoice = chosen;
    if (chosen == null || best < params.bandHigh()) {
      List<Story> band = new ArrayList<>();
      List<Double> bandLexical = new ArrayList<>();
      for (int i : topOfBand(lexical)) {
        band.add(candidates.get(i));
        bandLexical.add(lexical.get(i));
      }
      double[] headline = day == Story.UNDATED ? null : headlineScores(label, band);
      if (!band.isEmpty() && gate(bandLexical, headline)) {
        gatedOut++;
        if (trace != null) {
          trace(articleId, day, lexical, band, bandLexical, headline, true, null, lexicalChoice, chosen, lead);
        }
      } else if (!band.isEmpty()) {
        for (Story s : band) {
          if (s.embedAgainIn(encoder.space())) {
            embeddedAgain++;
          }
        }
        List<String> texts = new ArrayList<>(List.of(lead));
        band.forEach(s -> texts.addAll(s.pendingTexts()));
        float[][] e = encode(texts);
        embeddedArticles++;
        embedding = e[0];
        int at = 1;
        for (Story s : band) {
          int n = s.pendingTexts().size();
          if (n > 0) {
            s.addEmbeddings(java.util.Arrays.copyOfRange(e, at, at + n), encoder.space());
            at += n;
            clusterer.changed(s); // its embeddings are saved with it
          }
        }
        chosen = null;
        best = threshold;
        double w = params.semanticWeight();
        for (int i = 0; i < band.size(); i++) {
          Story s = band.get(i);
          double sim = (1 - w) * bandLexical.get(i) + w * s.semanticSimilarity(embedding, encoder.space());
          if (sim >= best) {
            best = sim;
            chosen = s;
          }
        }
        if (trace != null) {
          trace(articleId, day, lexical, band, bandLexical, headline, false, embedding, lexicalChoice, chosen, lead);
        }
      }
    }
    return clusterer.place(chosen, articleId, day, date, outlet, label, v, embedding, encoder.space(),
        embedding == null ? lead : null);
  }

  /**
   * Whether the gate settles an ambiguous dated article without its embedding, keeping TF-IDF's decision (null
   * {@code headline}: no gate; undated articles are never gated, see {@link StoryClusterer.Params}): when TF-IDF
   * would open a new story ({@code bandLexical} all under the threshold) and no candidate's first headline scores
   * {@link StoryClusterer.Params#gateNew()} against the article's, or when TF-IDF would join its best candidate
   * and that one's headline scores {@link StoryClusterer.Params#gateJoin()} or more. Off by default: what it
   * saves and what it costs are in BENCHMARKS.md (issue 17).
   */
  private boolean gate(List<Double> bandLexical, double[] headline) {
    if (headline == null) {
      return false;
    }
    int top = 0;
    double max = 0;
    for (int i = 0; i < headline.length; i++) {
      if (bandLexical.get(i) > bandLexical.get(top)) {
        top = i;
      }
      max = Math.max(max, headline[i]);
    }
    return bandLexical.get(top) < params.threshold() ? max < params.gateNew() : headline[top] >= params.gateJoin();
  }

  /** TF-IDF cosine of the article's headline with each candidate story's first one; null without the gate. */
  private double[] headlineScores(String label, List<Story> band) {
    if (headlines == null) {
      return null;
    }
    TermVector mine = headlines.apply(label);
    double[] out = new double[band.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dot(mine, headlines.apply(band.get(i).label()));
    }
    return out;
  }

  private void trace(String articleId, long day, List<Double> lexical, List<Story> band, List<Double> bandLexical,
                     double[] headline, boolean gated, float[] embedding, Story lexicalChoice, Story chosen,
                     String lead) {
    Integer[] order = new Integer[band.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(bandLexical.get(b), bandLexical.get(a)));
    double[] lex = new double[order.length];
    double[] sem = new double[order.length];
    double[] hl = new double[order.length];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      labels.add(band.get(order[i]).label());
      lex[i] = bandLexical.get(order[i]);
      sem[i] = embedding == null ? Double.NaN : band.get(order[i]).semanticSimilarity(embedding, encoder.space());
      hl[i] = headline == null ? Double.NaN : headline[order[i]];
    }
    long inBand = lexical.stream().filter(x -> x >= params.bandLow()).count();
    trace.accept(new Decision(articleId, day, (int) inBand, lex, sem, hl, gated, labels,
        lexicalChoice == null ? null : lexicalChoice.id(), lexicalChoice == null ? null : lexicalChoice.label(),
        chosen == null ? null : chosen.id(), chosen == null ? null : chosen.label(), lead));
  }

  /**
   * Indices of the candidates in the band, the {@link StoryClusterer.Params#bandTop()} best by TF-IDF score, in
   * scan order: only these are embedded and compared — a story the words rank lower is seldom the event.
   */
  private int[] topOfBand(List<Double> lexical) {
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < lexical.size(); i++) {
      if (lexical.get(i) >= params.bandLow()) {
        in.add(i);
      }
    }
    if (in.size() > params.bandTop()) {
      // Stable: equal scores keep scan order, so the choice does not depend on anything but the scores.
      in.sort((a, b) -> Double.compare(lexical.get(b), lexical.get(a)));
      in = new ArrayList<>(in.subList(0, params.bandTop()));
      java.util.Collections.sort(in);
    }
    return in.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Gated mode: guesses which of the next articles (vectors, days and headline-and-lead texts, in input order)
   * {@link #assign} will need embedded, and embeds those texts and their candidate stories' pending ones in
   * one call, so that the encoder works on a batch (on every core) instead of one text at a time. Only a cache:
   * the decisions are the same whatever it guesses; a text it missed is embedded when it is needed. An article is
   * guessed ambiguous when a held story scores in the band and none above it, or an earlier article of the same
   * batch near its date scores in the band.
   */
  public void prefetch(List<TermVector> vectors, long[] days, List<String> leads) {
    prefetch(vectors, days, leads, null);
  }

  /**
   * The same with the articles' labels (headlines), by which the guess applies the headline gate too, so that
   * texts the gate will not need are not embedded ahead (null: no gate in the guess).
   */
  public void prefetch(List<TermVector> vectors, long[] days, List<String> leads, List<String> labels) {
    cache.clear();
    clusterer.loadUndated();
    Set<String> texts = new LinkedHashSet<>();
    long savedLastDay = clusterer.lastDay();
    for (int i = 0; i < vectors.size(); i++) {
      boolean gating = labels != null && headlines != null && days[i] != Story.UNDATED;
      TermVector v = vectors.get(i);
      double[] best = {0};
      List<Story> inBand = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      clusterer.gather(v, new Story.Probe(v), days[i], clusterer.nextStamp(), (s, sim) -> {
        best[0] = Math.max(best[0], sim);
        if (sim >= params.bandLow()) {
          inBand.add(s);
          scores.add(sim);
        }
      });
      List<Story> band = new ArrayList<>();
      List<Double> bandLexical = new ArrayList<>();
      for (int k : topOfBand(scores)) {
        band.add(inBand.get(k));
        bandLexical.add(scores.get(k));
      }
      if (days[i] != Story.UNDATED) {
        clusterer.lastDay(days[i]);
      }
      boolean ambiguous = !band.isEmpty() && best[0] < params.bandHigh()
          && !(gating && gate(bandLexical, headlineScores(labels.get(i), band)));
      for (int j = 0; j < i; j++) {
        boolean near = days[i] == Story.UNDATED || days[j] == Story.UNDATED
            || Math.abs(days[i] - days[j]) <= params.gapDays();
        double sim = near ? dot(v, vectors.get(j)) : 0;
        if (sim >= params.bandLow() && sim < params.bandHigh() // a clear match would join without embedding
            && !(gating && gate(List.of(sim), new double[] {
                dot(headlines.apply(labels.get(i)), headlines.apply(labels.get(j)))}))) {
          ambiguous = true;
          texts.add(leads.get(j)); // its story will hold it, pending
        }
      }
      if (ambiguous) {
        texts.add(leads.get(i));
        band.forEach(s -> texts.addAll(s.pendingTexts()));
      }
    }
    clusterer.lastDay(savedLastDay);
    List<String> list = new ArrayList<>(texts);
    float[][] e = encoder.embed(list);
    prefetched += e.length;
    for (int i = 0; i < e.length; i++) {
      cache.put(list.get(i), e[i]);
    }
  }

  /** Embeds texts, taking those {@link #prefetch prefetched} from the cache and the rest in one call. */
  private float[][] encode(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = cache.get(texts.get(i));
      if (out[i] == null) {
        missing.add(texts.get(i));
      }
    }
    if (!missing.isEmpty()) {
      float[][] e = encoder.embed(missing);
      embeddedLate += e.length;
      for (int i = 0, k = 0; i < out.length; i++) {
        if (out[i] == null) {
          out[i] = e[k++];
        }
      }
    }
    embeddedTexts += out.length;
    return out;
  }

  private static double dot(TermVector a, TermVector b) {
    double dot = 0;
    long[] ta = a.terms();
    long[] tb = b.terms();
    for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
      if (ta[i] < tb[j]) {
        i++;
      } else if (ta[i] > tb[j]) {
        j++;
      } else {
        dot += a.weights()[i++] * b.weights()[j++];
      }
    }
    return dot;
  }

  /** Counters of the gated mode: texts embedded ahead, in batches, and late, one article at a time. */
  public long prefetchedTexts() {
    return prefetched;
  }

  public long lateTexts() {
    return embeddedLate;
  }

  /** Articles the gated mode embedded, and texts it embedded in all (theirs and stories' earlier articles). */
  public long embeddedArticles() {
    return embeddedArticles;
  }

  /** Stories a decision found embedded by another encoder, which it embedded again (from their headline). */
  public long embeddedAgain() {
    return embeddedAgain;
  }

  /** Ambiguous articles the headline gate settled without embedding them. */
  public long gatedOut() {
    return gatedOut;
  }

  public long embeddedTexts() {
    return embeddedTexts;
  }
}
