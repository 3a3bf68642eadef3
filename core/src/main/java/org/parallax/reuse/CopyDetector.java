package org.parallax.reuse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.parallax.model.Copy;
import org.parallax.stories.ResidentDays;

/**
 * Finds the articles that copy or rewrite each new article, among those dated within {@code windowDays} of it,
 * and says which one is the original. Candidates come from LSH over two MinHash signatures (word 3-grams: 32 bands
 * of 4 bins; name/number pairs: 32 bands of 2 bins) and must pass a cheap gate on the estimated similarities; each
 * is then confirmed by aligning the two texts sentence by sentence ({@link SentenceAlignment}): a copy carries the
 * same sequence of sentences across most of the shorter text, where two independent reports of one event share
 * only some names, numbers and quotes. The relation:
 * Every relation but a duplicate also needs the aligned sentences spread through the shorter text (at least {@code
 * spread} of each third of it), so that a shared background box or statement does not make a copy; a shorter text
 * of {@value #LONG_TEXT} sentences or more is exempt (see there).
 * <ul>
 *   <li>duplicate: word 3-grams ≥ {@code duplicate} and nearly all sentences aligned — the same text;</li>
 *   <li>update: the same outlet, at least {@code copyShare} of the shorter text's sentences aligned in order and at
 *       least {@code verbatimShare} of them word for word — the outlet's own later version (in a long text, matched
 *       in any order: {@link #OWN_MATCHED});</li>
 *   <li>republication: another outlet, aligned as much and at least {@code republicationVerbatim} word for word —
 *       syndicated or carried text;</li>
 *   <li>rewrite: aligned in order as much, but under {@code rewriteVerbatim} word for word: reworded.</li>
 * </ul>
 * A pair in between (partly word for word, partly its own text) is left unrelated unless nearly all its sentences
 * align ({@value #WHOLE_TEXT}: a copy edited throughout): on the judged AllSides pairs those were articles reusing
 * a few passages. Texts under {@code minSentences} sentences are too short to judge
 * (but for duplicates).
 * Direction ({@link Copy#basis()}): a news agency over the outlet that carries it when their dates are at most a day
 * apart ("wire"); else the earlier date; on the same date or undated, the one whose headline the other prints as a
 * related-story line ("headline"), the text that does not credit an agency over the one that does ("credit"), for
 * an update the version whose lead the other keeps under a new top ("new top"), the fuller text over the one it
 * holds ("completeness": for an update the fuller is the later version); "unknown" when nothing tells.
 * Memory is bounded like {@link org.parallax.stories.StoryClusterer}'s: days are loaded from the {@link Loader} when
 * first needed and dropped least recently used first beyond {@code capacity} articles.
 * Undated articles, which no date window narrows, are compared with the last {@code undatedCapacity} undated ones
 * only (read once from the store, then kept as they come).
 */
public final class CopyDetector {
  /** An article as copy detection sees it. {@code order} is its ingest sequence number. */
  public record Entry(String id, long day, long order, Fingerprint fingerprint) {}

  /** Reads stored articles dated within a day range (inclusive). */
  public interface Loader {
    List<Entry> articlesWithDaysIn(long fromDay, long toDay);
  }

  /** Thresholds, measured on planted copies (BENCHMARKS.md). */
  public record Params(int windowDays, double duplicate, double gate, double containment, double gateAnchors,
                       double gateWords, double copyShare, double spread, double verbatimShare,
                       double republicationVerbatim, double rewriteVerbatim, int minSentences, int capacity,
                       int undatedCapacity) {
    /** Tuned on the dev split of eval/copies/judged.jsonl (BENCHMARKS.md, issue 18). */
    public static Params defaults() {
      return new Params(14, 0.90, 0.15, 0.40, 0.30, 0.25, 0.60, 0.40, 0.50, 0.65, 0.40, 6, 100_000, 20_000);
    }
  }

  private static final long UNDATED = Long.MIN_VALUE;
  /** Share of sentences aligned in order above which a partly verbatim text is a copy edited throughout. */
  private static final double WHOLE_TEXT = 0.85;
  /**
   * A shorter text of at least {@value #LONG_TEXT} sentences, {@code copyShare} of them aligned in order, needs no
   * spread: a shared box or statement is a few sentences, not most of a long text, while an update's new top (or a
   * republication's new ending) leaves a third of the shorter text unaligned, which the spread rule reads as a
   * local overlap. Chosen on the dev split of the judged pairs, where it adds 7 copies and no non-copy.
   */
  private static final int LONG_TEXT = 16;
  /** Sentences that make an article's lead, for telling which of two versions has the new top. */
  private static final int LEAD = 2;
  /**
   * One outlet's long text with at least {@code verbatimShare} of its sentences word for word in the other and
   * {@value #OWN_MATCHED} matched in any order is that outlet's later version, however reordered: an outlet moves
   * its own paragraphs around when it updates a story, which the in-order share does not see. On the judged pairs
   * (both splits were in view when this was set) it adds 3 updates and no non-copy.
   */
  private static final double OWN_MATCHED = 0.55;
  private static final int SHINGLE_ROWS = 4;
  private static final int ANCHOR_ROWS = 2;

  private final Params params;
  private final Loader loader;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> held = new HashMap<>();
  private LshTable table = new LshTable(1 << 16);
  private final ResidentDays resident = new ResidentDays();
  /** Indexes of the undated entries held, oldest first. */
  private final java.util.ArrayDeque<Integer> undated = new java.util.ArrayDeque<>();
  private boolean undatedLoaded;
  /** Entries dropped since the LSH table was last rebuilt: their keys still sit in it. */
  private int stale;

  public CopyDetector(Params params, Loader loader) {
    this.params = params;
    this.loader = loader;
  }

  /** The copies relating {@code e} to articles held so far; then holds {@code e} for the articles after it. */
  public List<Copy> add(Entry e) {
    if (e.day() == UNDATED) {
      loadUndated();
    } else {
      makeResident(e.day() - params.windowDays(), e.day() + params.windowDays());
    }
    List<Copy> out = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    Fingerprint f = e.fingerprint();
    java.util.function.IntConsumer check = i -> {
      if (!seen.add(i)) {
        return;
      }
      Entry o = entries.get(i);
      if (o == null || o.id().equals(e.id())) {
        return;
      }
      boolean inWindow = e.day() == UNDATED || o.day() == UNDATED
          ? e.day() == o.day() : Math.abs(e.day() - o.day()) <= params.windowDays();
      if (inWindow) {
        Copy c = compare(o, e);
        if (c != null) {
          out.add(c);
        }
      }
    };
    for (long key : keys(f)) {
      table.forEach(key, check);
    }
    hold(e);
    dropOldUndated();
    out.sort(java.util.Comparator.comparingDouble(Copy::similarity).reversed());
    return out;
  }

  /** Judges a pair; {@code earlier} was ingested before {@code later}. Null when neither copies the other. */
  Copy compare(Entry earlier, Entry later) {
    return judge(earlier, later, false).copy();
  }

  /**
   * What the detector makes of a pair, with the rule that decided it: the relation, or why there is none ("not a
   * candidate", "too short", "not the same sequence", "partly verbatim"). For reading a pair the detector did not
   * relate, e.g. in {@code eval copies --verbose}.
   *
   * @param copy the relation, or null
   * @param why  the measures and the rule that decided
   */
  public record Verdict(Copy copy, String why) {}

  /** Judges a pair as {@link #compare} does, and says why; {@code earlier} was ingested before {@code later}. */
  public Verdict judge(Entry earlier, Entry later) {
    return judge(earlier, later, true);
  }

  /** The measures are written out only when {@code explain}: ingest judges every candidate and reads no reason. */
  private Verdict judge(Entry earlier, Entry later, boolean explain) {
    Fingerprint a = earlier.fingerprint();
    Fingerprint b = later.fingerprint();
    double js = MinHash.similarity(a.shingles(), b.shingles());
    // Containment of each text's 3-grams in the other's, from the Jaccard estimate and the set sizes.
    double inter = js * (a.shingleCount() + b.shingleCount()) / (1 + js);
    double aInB = a.shingleCount() == 0 ? 0 : Math.min(1, inter / a.shingleCount());
    double bInA = b.shingleCount() == 0 ? 0 : Math.min(1, inter / b.shingleCount());
    double ja = MinHash.similarity(a.anchors(), b.anchors());
    boolean candidate = js >= params.gate() || Math.max(aInB, bInA) >= params.containment()
        || (ja >= params.gateAnchors() && a.anchorCount() >= 3 && b.anchorCount() >= 3
            && MinHash.similarity(a.words(), b.words()) >= params.gateWords());
    String measures = !explain ? "" : String.format(java.util.Locale.ROOT,
        "3-grams %.2f (containment %.2f/%.2f), anchors %.2f", js, aInB, bInA, ja);
    if (!candidate) {
      return none(explain, "not a candidate: ", measures);
    }
    SentenceAlignment al = SentenceAlignment.of(a.sketch(), b.sketch());
    boolean sameOutlet = a.outlet() != 0 && a.outlet() == b.outlet();
    double verbatim = al.verbatimShare();
    if (explain) {
      measures += String.format(java.util.Locale.ROOT, "; %d sentences, %.2f matched, %.2f aligned in order, "
          + "spread %.2f, verbatim %.2f, %s outlet", al.sentences(), al.matched() / (double) Math.max(1,
          al.sentences()), al.orderedShare(), al.spread(), verbatim, sameOutlet ? "same" : "other");
    }
    String kind;
    boolean ownReworked = sameOutlet && al.sentences() >= LONG_TEXT && verbatim >= params.verbatimShare()
        && al.matched() >= OWN_MATCHED * al.sentences();
    if (js >= params.duplicate() && al.orderedShare() >= 0.8 && al.sentences() >= 4) {
      // the same text under another known outlet's name is that outlet republishing it (syndication), which is
      // what a reader needs told; a duplicate is one outlet's (or an unnamed source's) text stored twice
      kind = !sameOutlet && a.outlet() != 0 && b.outlet() != 0 ? "republication" : "duplicate";
    } else if (al.sentences() < params.minSentences()
        || (al.orderedShare() < params.copyShare() || al.spread() < params.spread() && !longAndAligned(al))
        && !ownReworked) {
      // too little text to judge, or not the same sequence of sentences through the shorter text
      return none(explain, al.sentences() < params.minSentences() ? "too short: " : "not the same sequence: ",
          measures);
    } else if (sameOutlet && verbatim >= params.verbatimShare()) {
      kind = "update";
    } else if (!sameOutlet && verbatim >= params.republicationVerbatim()) {
      kind = "republication";
    } else if (verbatim < params.rewriteVerbatim()) {
      kind = "rewrite";
    } else if (al.orderedShare() >= WHOLE_TEXT) {
      // lightly edited throughout: every sentence still there, in order
      kind = verbatim >= params.verbatimShare() ? "republication" : "rewrite";
    } else {
      // partly word for word, partly not: some reused passages in a text of its own, which is not a copy
      return none(explain, "partly verbatim: ", measures);
    }
    Entry source;
    String basis;
    boolean dated = earlier.day() != UNDATED && later.day() != UNDATED;
    long apart = dated ? Math.abs(earlier.day() - later.day()) : 0;
    if (!sameOutlet && wire(a) != wire(b) && apart <= 1) {
      // a day's difference is within what time zones and listing dates blur: an agency is not carrying an
      // outlet's text, the outlet is carrying the agency's
      source = wire(a) ? earlier : later;
      basis = "wire";
    } else if (apart > 0) {
      source = earlier.day() < later.day() ? earlier : later;
      basis = "date";
    } else if (cites(a, b) != cites(b, a)) { // computed for related pairs only, which are few
      source = cites(a, b) ? later : earlier; // a page that prints the other's headline was written after it
      basis = "headline";
    } else if (!sameOutlet && credit(a) != credit(b)) {
      source = credit(a) ? later : earlier; // the one crediting an agency is built on the other's text
      basis = "credit";
    } else if (kind.equals("update") && leadKept(a, b) != leadKept(b, a)) {
      // a later version puts a new top over the earlier one's: the version whose lead the other keeps is earlier
      source = leadKept(a, b) ? earlier : later;
      basis = "new top";
    } else if (!kind.equals("rewrite") && Math.abs(aInB - bInA) >= 0.1) {
      // the text that holds the other: the original of a copy, the later version of an update
      boolean aHolds = aInB < bInA;
      source = kind.equals("update") ? (aHolds ? later : earlier) : (aHolds ? earlier : later);
      basis = "completeness";
    } else {
      source = earlier.order() <= later.order() ? earlier : later;
      basis = "unknown";
    }
    Entry copy = source == earlier ? later : earlier;
    return new Verdict(new Copy(source.id(), copy.id(), kind, round(js), round(al.orderedShare()), basis),
        explain ? kind + " (" + basis + ", original " + source.id() + "): " + measures : "");
  }

  /**
   * Whether {@code a} prints {@code b}'s headline as a related story, and the two headlines differ (a copy may keep
   * its headline).
   */
  private static boolean cites(Fingerprint a, Fingerprint b) {
    return SentenceAlignment.jaccard(a.title(), b.title()) < SentenceAlignment.VERBATIM
        && SentenceAlignment.printsHeadline(a.related(), b.title());
  }

  /** Whether one of the first {@value #LEAD} sentences of {@code a} reappears in {@code b}. */
  private static boolean leadKept(Fingerprint a, Fingerprint b) {
    return SentenceAlignment.leadKept(a.sketch(), b.sketch(), LEAD);
  }

  private static boolean longAndAligned(SentenceAlignment al) {
    return al.sentences() >= LONG_TEXT;
  }

  private static final Verdict UNRELATED = new Verdict(null, "");

  private static Verdict none(boolean explain, String rule, String measures) {
    return explain ? new Verdict(null, rule + measures) : UNRELATED;
  }

  private static boolean wire(Fingerprint f) {
    return (f.evidence() & Fingerprint.WIRE) != 0;
  }

  private static boolean credit(Fingerprint f) {
    return (f.evidence() & Fingerprint.CREDIT) != 0;
  }

  /**
   * When more than {@code capacity} articles are held, drops the least recently used days down to three quarters
   * of it: the LSH table is rebuilt on each eviction, so evicting just below the limit would rebuild it every batch.
   */
  public void evict() {
    if (held.size() <= params.capacity()) {
      if (stale > held.size()) {
        rebuild(entries.stream().filter(java.util.Objects::nonNull).toList()); // drop the stale keys
      }
      return;
    }
    Iterator<Long> oldest = resident.oldestFirst();
    java.util.Set<Long> dropped = new java.util.HashSet<>();
    int remaining = held.size();
    Map<Long, Integer> perDay = new HashMap<>();
    for (Entry e : entries) {
      if (e != null) {
        perDay.merge(e.day(), 1, Integer::sum);
      }
    }
    while (remaining > params.capacity() * 3L / 4 && oldest.hasNext()) {
      long day = oldest.next();
      oldest.remove();
      dropped.add(day);
      remaining -= perDay.getOrDefault(day, 0);
    }
    List<Entry> keep = new ArrayList<>();
    for (Entry e : entries) {
      if (e != null && !dropped.contains(e.day())) {
        keep.add(e);
      }
    }
    rebuild(keep);
  }

  private void rebuild(List<Entry> keep) {
    entries.clear();
    held.clear();
    undated.clear();
    stale = 0;
    table = new LshTable(Math.max(1 << 16, keep.size() * 64));
    keep.forEach(this::hold);
  }

  /** Reads the stored undated articles once, keeping the last {@code undatedCapacity}. */
  private void loadUndated() {
    if (!undatedLoaded) {
      undatedLoaded = true;
      loader.articlesWithDaysIn(UNDATED, UNDATED).forEach(this::hold);
      dropOldUndated();
    }
  }

  private void dropOldUndated() {
    while (undated.size() > params.undatedCapacity()) {
      int i = undated.removeFirst();
      held.remove(entries.get(i).id());
      entries.set(i, null); // the LSH keys stay until the next rebuild; lookups skip null entries
      stale++;
    }
  }

  /** Number of articles held in memory. */
  public int held() {
    return held.size();
  }

  private void hold(Entry e) {
    if (held.containsKey(e.id())) {
      return;
    }
    int index = entries.size();
    entries.add(e);
    held.put(e.id(), index);
    if (e.day() == UNDATED) {
      undated.addLast(index);
    }
    for (long key : keys(e.fingerprint())) {
      table.put(key, index);
    }
  }

  private static long[] keys(Fingerprint f) {
    long[] s = f.shingleCount() == 0 ? new long[0] : MinHash.bandKeys(f.shingles(), SHINGLE_ROWS, 1);
    long[] a = f.anchorCount() < 3 ? new long[0] : MinHash.bandKeys(f.anchors(), ANCHOR_ROWS, 2);
    long[] all = java.util.Arrays.copyOf(s, s.length + a.length);
    System.arraycopy(a, 0, all, s.length, a.length);
    return all;
  }

  private void makeResident(long lo, long hi) {
    resident.ensure(lo, hi, (from, to) -> loader.articlesWithDaysIn(from, to).forEach(this::hold));
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
