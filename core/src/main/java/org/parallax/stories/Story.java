package org.parallax.stories;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.parallax.align.Embedder;

/**
 * A story being built: the running state the clusterer keeps for one group of articles on one event. Mutable and
 * owned by one {@link StoryClusterer}; {@link #snapshot()} gives the immutable view others see.
 */
public final class Story {
  /** Marks the day of an undated article. */
  public static final long UNDATED = Long.MIN_VALUE;

  private final String id;
  private final String label;
  private String from;
  private String to;
  private final TreeSet<Long> days = new TreeSet<>();
  private final Set<String> outlets = new LinkedHashSet<>();
  private int size;
  private long[] terms = new long[0];
  private float[] sums = new float[0];
  private double norm;
  /** Sum of the articles' headline-and-lead embeddings; null when none came with one. */
  private float[] embeddingSum;
  /** How many articles the embedding sum holds. */
  private int embedded;
  /** The vector space of the embedding sum ({@link Embedder#space()}); null: MiniLM's, as before spaces had names. */
  private String space;
  /**
   * Headline-and-lead texts of the first articles that came without an embedding (at most {@value #PENDING}), kept
   * so that the gated mode can embed the story only when an ambiguous article needs it; saved with the state. One:
   * the story's first article stands for it as well as its first two did (NeuS train), at half the encoder calls.
   */
  private final List<String> pending = new ArrayList<>(1);
  static final int PENDING = 1;
  /** Scratch mark for the clusterer's candidate scan. */
  int visited;
  /** Scratch for {@link TermPostings#score}: the accumulated dot product and the article term last added. */
  double score;
  int lastTerm;
  /** Whether the clusterer's undated term index holds this story. */
  boolean indexed;
  /** How many places the clusterer's queue of recently touched undated stories holds this story in. */
  int recentCount;

  Story(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  /** The headline of the article that opened the story. */
  String label() {
    return label;
  }

  /** Number of articles. */
  public int size() {
    return size;
  }

  Set<Long> days() {
    return days;
  }

  /**
   * Average cosine similarity of a unit vector (given as a probe table) with the story's articles: the dot product
   * with the sum of their vectors, divided by their number. Unlike the cosine with the normalised centroid, this
   * does not let a large, diffuse story pull in everything on its general topic.
   */
  double similarity(Probe v) {
    if (size == 0) {
      return 0;
    }
    double dot = 0;
    for (int j = 0; j < terms.length; j++) {
      dot += v.weight(terms[j]) * sums[j];
    }
    return dot / size;
  }

  /**
   * A unit vector as an open-addressing table, built once per article so that comparing it with each candidate
   * story costs one lookup per centroid term (a sorted merge mispredicts a branch at almost every step).
   */
  static final class Probe {
    private final long[] keys;
    private final float[] weights;
    private final int mask;

    Probe(TermVector v) {
      int cap = Integer.highestOneBit(Math.max(8, v.terms().length * 4) - 1) << 1;
      keys = new long[cap];
      weights = new float[cap];
      mask = cap - 1;
      for (int i = 0; i < v.terms().length; i++) {
        long t = v.terms()[i];
        int s = slot(t);
        while (weights[s] != 0 && keys[s] != t) {
          s = (s + 1) & mask;
        }
        keys[s] = t;
        weights[s] = v.weights()[i] == 0 ? Float.MIN_VALUE : v.weights()[i];
      }
    }

    float weight(long t) {
      int s = slot(t);
      while (weights[s] != 0) {
        if (keys[s] == t) {
          return weights[s];
        }
        s = (s + 1) & mask;
      }
      return 0;
    }

    private int slot(long t) {
      return (int) (t ^ (t >>> 31)) & mask;
    }
  }

  /**
   * Average cosine similarity of a unit embedding, of vector space {@code space}, with the articles' embeddings
   * (those that had one); 0 when the story has none in that space.
   */
  double semanticSimilarity(float[] e, String space) {
    if (e == null || embeddingSum == null || embedded == 0 || !space.equals(space())) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < e.length; i++) {
      dot += e[i] * embeddingSum[i];
    }
    return dot / embedded;
  }

  /** Texts of articles not embedded yet, which {@link #addEmbeddings} takes; empty when there are none. */
  List<String> pendingTexts() {
    return pending;
  }

  /**
   * Adds the embeddings of the {@link #pendingTexts()}, in their order, from vector space {@code space}, and forgets
   * the texts.
   */
  void addEmbeddings(float[][] e, String space) {
    for (float[] x : e) {
      addToSum(x, space);
    }
    pending.clear();
  }

  /** The vector space of the story's embeddings ({@link Embedder#space()}). */
  String space() {
    return space == null ? Embedder.MINILM : space;
  }

  /**
   * Readies a story embedded in another vector space than {@code space} (a store grouped with an earlier encoder)
   * for the encoder of {@code space}: its embeddings are dropped, and when it holds no text to embed, its headline
   * stands for it (the texts it was embedded from are not kept). False when there was nothing to change.
   */
  boolean embedAgainIn(String space) {
    if (embeddingSum == null || space.equals(space())) {
      return false;
    }
    embeddingSum = null;
    embedded = 0;
    this.space = null;
    if (pending.isEmpty()) {
      pending.add(label);
    }
    return true;
  }

  private void addToSum(float[] embedding, String space) {
    if (embeddingSum != null && !space.equals(space())) { // another space's vectors do not add up with these
      embeddingSum = null;
      embedded = 0;
    }
    if (embeddingSum == null) {
      embeddingSum = new float[embedding.length];
      this.space = Embedder.MINILM.equals(space) ? null : space;
    }
    for (int i = 0; i < embedding.length; i++) {
      embeddingSum[i] += embedding[i];
    }
    embedded++;
  }

  /** The centroid's terms, sorted; not to be modified. */
  long[] centroidTerms() {
    return terms;
  }

  /** The centroid's summed weight for a term, 0 when it does not hold it. */
  float sumOf(long term) {
    int i = Arrays.binarySearch(terms, term);
    return i < 0 ? 0 : sums[i];
  }

  /** Adds an article: its vector joins the centroid, which keeps its {@code keep} heaviest terms. */
  void add(TermVector v, float[] embedding, long day, String date, String outlet, int keep) {
    add(v, embedding, Embedder.MINILM, null, day, date, outlet, keep);
  }

  /**
   * Adds an article, its embedding (null: none) being of vector space {@code space}; {@code lead} is its
   * headline-and-lead text, kept to be embedded later when it comes without an embedding (null: never).
   */
  void add(TermVector v, float[] embedding, String space, String lead, long day, String date, String outlet,
           int keep) {
    size++;
    if (embedding != null) {
      addToSum(embedding, space);
    } else if (lead != null && pending.size() < PENDING) {
      pending.add(lead);
    }
    days.add(day);
    if (outlet != null && !outlet.isBlank()) {
      outlets.add(outlet);
    }
    if (date != null) {
      if (from == null || date.compareTo(from) < 0) {
        from = date;
      }
      if (to == null || date.compareTo(to) > 0) {
        to = date;
      }
    }
    long[] vt = v.terms();
    float[] vw = v.weights();
    long[] t = new long[terms.length + vt.length];
    double[] w = new double[t.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < terms.length || j < vt.length) {
      if (j == vt.length || (i < terms.length && terms[i] < vt[j])) {
        t[k] = terms[i];
        w[k++] = sums[i++];
      } else if (i == terms.length || vt[j] < terms[i]) {
        t[k] = vt[j];
        w[k++] = vw[j++];
      } else {
        t[k] = terms[i];
        w[k++] = sums[i++] + vw[j++];
      }
    }
    if (k > keep) {
      double[] sorted = Arrays.copyOf(w, k);
      Arrays.sort(sorted);
      double cut = sorted[k - keep];
      int m = 0;
      for (int x = 0; x < k && m < keep; x++) {
        if (w[x] >= cut) {
          t[m] = t[x];
          w[m++] = w[x];
        }
      }
      k = m;
    }
    terms = Arrays.copyOf(t, k);
    sums = new float[k];
    double n2 = 0;
    for (int x = 0; x < k; x++) {
      sums[x] = (float) w[x];
      n2 += w[x] * w[x];
    }
    norm = Math.sqrt(n2);
  }

  public StoryInfo snapshot() {
    return new StoryInfo(id, label, from, to, List.copyOf(outlets), size);
  }

  /** The state needed to resume the story in a later run. */
  public byte[] stateBytes() {
    int dims = embeddingSum == null ? 0 : embeddingSum.length;
    List<byte[]> texts = new ArrayList<>(pending.size());
    int textBytes = 0;
    for (String t : pending) {
      byte[] u = t.getBytes(StandardCharsets.UTF_8);
      texts.add(u);
      textBytes += 4 + u.length;
    }
    byte[] named = space == null || dims == 0 ? new byte[0] : space.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + 12 * terms.length + 4 + 4 * dims + 8 + textBytes
        + (named.length > 0 ? 4 + named.length : 0));
    b.putInt(size).putInt(terms.length);
    for (int i = 0; i < terms.length; i++) {
      b.putLong(terms[i]).putFloat(sums[i]);
    }
    b.putInt(dims);
    for (int i = 0; i < dims; i++) {
      b.putFloat(embeddingSum[i]);
    }
    b.putInt(embedded).putInt(texts.size());
    for (byte[] u : texts) {
      b.putInt(u.length).put(u);
    }
    if (named.length > 0) { // MiniLM's space is left unnamed: the state reads as it did before spaces had names
      b.putInt(named.length).put(named);
    }
    return b.array();
  }

  public List<Long> dayList() {
    return new ArrayList<>(days);
  }

  /** Rebuilds a stored story. */
  public static Story restore(StoryInfo info, List<Long> days, byte[] state) {
    Story s = new Story(info.id(), info.label());
    s.from = info.from();
    s.to = info.to();
    s.outlets.addAll(info.outlets());
    s.days.addAll(days);
    ByteBuffer b = ByteBuffer.wrap(state);
    s.size = b.getInt();
    int n = b.getInt();
    s.terms = new long[n];
    s.sums = new float[n];
    double n2 = 0;
    for (int i = 0; i < n; i++) {
      s.terms[i] = b.getLong();
      s.sums[i] = b.getFloat();
      n2 += (double) s.sums[i] * s.sums[i];
    }
    s.norm = Math.sqrt(n2);
    int dims = b.remaining() >= 4 ? b.getInt() : 0; // states saved before embeddings existed end here
    if (dims > 0) {
      s.embeddingSum = new float[dims];
      for (int i = 0; i < dims; i++) {
        s.embeddingSum[i] = b.getFloat();
      }
    }
    if (b.remaining() >= 8) {
      s.embedded = b.getInt();
      int texts = b.getInt();
      for (int i = 0; i < texts; i++) {
        byte[] u = new byte[b.getInt()];
        b.get(u);
        s.pending.add(new String(u, StandardCharsets.UTF_8));
      }
      if (b.remaining() >= 4) {
        byte[] u = new byte[b.getInt()];
        b.get(u);
        s.space = new String(u, StandardCharsets.UTF_8);
      }
    } else { // saved before the gated mode: every article was embedded, or none
      s.embedded = dims > 0 ? s.size : 0;
    }
    return s;
  }
}
