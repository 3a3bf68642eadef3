package org.parallax.outlets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.clean.OutletAliases;
import org.parallax.stories.StoryInfo;

/**
 * Profiles read from an {@link OutletLedger} and the store's stories: per outlet and month, and the corpus median
 * of each monthly figure. Built once per version of the store (a snapshot; cheap to query many times).
 */
public final class OutletProfiles {
  /** At most this many items of evidence per list in a profile. */
  public static final int EVIDENCE = 50;
  /** A story is shared when this many identified outlets cover it. */
  public static final int SHARED_OUTLETS = 3;
  /** An outlet's month counts towards the corpus median when it has this many articles. */
  public static final int MEDIAN_MIN_ARTICLES = 5;
  private static final String UNKNOWN_PREFIX = "unknown (";
  static final List<String> LEFT_OUT = List.of(
      "conflicts other than figures, days and outcomes of sentences the lexical pass pairs across outlets (who said "
          + "a quotation, a negated statement, story-wide slots, statements it does not pair): only on a story's page",
      "voices by country or institution: corpus mode finds only speakers whose party the article states");
  static final List<String> LEFT_OUT_NO_CLAIMS = List.of(LEFT_OUT.get(0), LEFT_OUT.get(1),
      "unique and omitted claims and conflicts: the store has no " + OutletClaims.LOG + " (ingested with the pass "
          + "off)");

  private final OutletLedger ledger;
  private final boolean claimsKept;
  /** outlet → month → its shared stories' claim entries (story id paired). */
  private final Map<String, TreeMap<String, List<Map.Entry<String, OutletClaims.Outlet>>>> claims = new HashMap<>();
  private final Map<String, List<StoryInfo>> sharedByMonth = new HashMap<>();
  private final Map<String, StoryInfo> stories = new HashMap<>();

  /** Profiles without the shared stories' claims (a store whose pass never ran). */
  public OutletProfiles(OutletLedger ledger, List<StoryInfo> allStories) {
    this(ledger, allStories, null);
  }

  /** @param claims the separate pass's results, or null where there are none */
  public OutletProfiles(OutletLedger ledger, List<StoryInfo> allStories, OutletClaims claims) {
    this.ledger = ledger;
    this.claimsKept = claims != null;
    for (StoryInfo s : allStories) {
      if (identified(s.outlets()) >= SHARED_OUTLETS) {
        sharedByMonth.computeIfAbsent(OutletLedger.monthOf(s.from()), k -> new ArrayList<>()).add(s);
        stories.put(s.id(), s);
      }
    }
    if (claims != null) {
      claims.byOutlet().forEach((outlet, entries) -> {
        TreeMap<String, List<Map.Entry<String, OutletClaims.Outlet>>> months = new TreeMap<>();
        for (Map.Entry<String, OutletClaims.Outlet> e : entries) {
          if (stories.containsKey(e.getKey())) { // still shared, and in this store
            months.computeIfAbsent(e.getValue().month == null ? OutletLedger.UNDATED : e.getValue().month,
                k -> new ArrayList<>()).add(e);
          }
        }
        this.claims.put(outlet, months);
      });
    }
    for (List<StoryInfo> l : sharedByMonth.values()) {
      l.sort(Comparator.comparing((StoryInfo s) -> s.from() == null ? "" : s.from()).reversed()
          .thenComparing(StoryInfo::id));
    }
  }

  /** Outlets counted, with their articles in the period (from/to: "yyyy-MM" or null for open), most first. */
  public List<Map.Entry<String, Integer>> outlets(String from, String to, int minArticles) {
    List<Map.Entry<String, Integer>> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<String, OutletLedger.Month>> e : ledger.outlets().entrySet()) {
      int n = 0;
      for (Map.Entry<String, OutletLedger.Month> m : e.getValue().entrySet()) {
        if (in(m.getKey(), from, to)) {
          n += m.getValue().articles;
        }
      }
      if (n >= minArticles && n > 0) {
        out.add(Map.entry(e.getKey(), n));
      }
    }
    out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return out;
  }

  /** The canonical name of {@code name} when the ledger has it (aliases accepted), else null. */
  public String resolve(String name) {
    if (name == null) {
      return null;
    }
    if (ledger.outlets().containsKey(name)) {
      return name;
    }
    String c = OutletAliases.defaults().canonical(name);
    return ledger.outlets().containsKey(c) ? c : null;
  }

  /** One outlet's profile over the period, or null when the ledger has no such outlet. */
  public OutletProfile profile(String name, String from, String to) {
    String outlet = resolve(name);
    if (outlet == null) {
      return null;
    }
    int articles = 0;
    long words = 0;
    int loaded = 0;
    Set<String> storySet = new HashSet<>();
    Map<String, Integer> terms = new HashMap<>();
    Map<String, Integer> sources = new HashMap<>();
    List<String> originated = new ArrayList<>();
    List<String> rewrote = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int originatedCount = 0;
    int rewroteCount = 0;
    List<OutletProfile.Month> months = new ArrayList<>();
    Map<String, Integer> partyQuotes = new HashMap<>();
    Map<String, String> voices = new HashMap<>();
    List<OutletProfile.PartyQuote> voiceEv = new ArrayList<>();
    for (Map.Entry<String, OutletLedger.Month> e : ledger.outlets().get(outlet).entrySet()) {
      if (!in(e.getKey(), from, to)) {
        continue;
      }
      OutletLedger.Month m = e.getValue();
      m.partyQuotes.forEach((t, c) -> partyQuotes.merge(t, c, Integer::sum));
      voices.putAll(m.voices);
      for (int i = 0; i < m.voiceRefs.size() && voiceEv.size() < EVIDENCE; i++) {
        String[] f = m.voiceRefs.get(i).split("\t", 3);
        voiceEv.add(new OutletProfile.PartyQuote(f[0], f[1], f[2]));
      }
      articles += m.articles;
      words += m.words;
      loaded += m.loaded;
      storySet.addAll(m.stories);
      m.terms.forEach((t, c) -> terms.merge(t, c, Integer::sum));
      m.sources.forEach((t, c) -> sources.merge(t, c, Integer::sum));
      originatedCount += articlesIn(m.originated, true);
      rewroteCount += articlesIn(m.rewrote, false);
      addBounded(originated, m.originated);
      addBounded(rewrote, m.rewrote);
      addBounded(ids, m.articleIds);
    }
    int shared = 0;
    int covered = 0;
    List<OutletProfile.MissedStory> missed = new ArrayList<>();
    List<StoryInfo> inMonths = new ArrayList<>();
    for (Map.Entry<String, OutletLedger.Month> e : ledger.outlets().get(outlet).entrySet()) {
      if (!in(e.getKey(), from, to)) {
        continue;
      }
      inMonths.addAll(sharedByMonth.getOrDefault(e.getKey(), List.of()));
      int[] sc = shared(e.getKey(), storySet, missed);
      shared += sc[0];
      covered += sc[1];
      months.add(month(outlet, e.getKey(), e.getValue(), storySet));
    }
    missed.sort(Comparator.comparing((OutletProfile.MissedStory s) -> s.from() == null ? "" : s.from()).reversed());
    Map<String, List<String>> examples = ledger.examples(outlet);
    List<OutletProfile.Term> top = terms.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(15).map(t -> new OutletProfile.Term(t.getKey(), t.getValue(),
            examples.getOrDefault(t.getKey(), List.of()))).toList();
    List<OutletProfile.Source> main = sources.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(10).map(t -> new OutletProfile.Source(t.getKey(), t.getValue())).toList();
    return new OutletProfile(outlet, articles, storySet.size(), words, loaded, per100(loaded, words), top,
        originatedCount, rewroteCount, main, originated, rewrote, shared, covered,
        missed.subList(0, Math.min(EVIDENCE, missed.size())), months, ids, claims(outlet, from, to),
        voices(partyQuotes, voices, voiceEv), ledger.topics().coverage(inMonths, storySet),
        claimsKept ? LEFT_OUT : LEFT_OUT_NO_CLAIMS);
  }

  /** The store's profiles: the ledger and, where the separate pass has run, its claims. */
  public static OutletProfiles load(java.nio.file.Path dir, List<StoryInfo> allStories) throws java.io.IOException {
    boolean kept = java.nio.file.Files.exists(dir.resolve(OutletClaims.LOG));
    return new OutletProfiles(OutletLedger.load(dir), allStories, kept ? OutletClaims.load(dir) : null);
  }

  private static OutletProfile.Voices voices(Map<String, Integer> quotes, Map<String, String> speakers,
                                            List<OutletProfile.PartyQuote> evidence) {
    int d = quotes.getOrDefault("D", 0);
    int r = quotes.getOrDefault("R", 0);
    int i = quotes.getOrDefault("I", 0);
    int dv = (int) speakers.values().stream().filter("D"::equals).count();
    int rv = (int) speakers.values().stream().filter("R"::equals).count();
    return new OutletProfile.Voices(d + r + i, d, r, i, share(r, d + r), dv, rv, evidence);
  }

  /** The claims figures of an outlet over the period, with bounded evidence. */
  private OutletProfile.Claims claims(String outlet, String from, String to) {
    int stories = 0;
    int sentences = 0;
    int unique = 0;
    int consensus = 0;
    int omitted = 0;
    List<OutletProfile.UniqueClaim> uniqueEv = new ArrayList<>();
    List<OutletProfile.OmittedClaim> omittedEv = new ArrayList<>();
    int[] conflicts = new int[3];
    List<OutletProfile.ConflictClaim> conflictEv = new ArrayList<>();
    for (Map.Entry<String, List<Map.Entry<String, OutletClaims.Outlet>>> m
        : claims.getOrDefault(outlet, new TreeMap<>()).descendingMap().entrySet()) {
      if (!in(m.getKey(), from, to)) {
        continue;
      }
      for (Map.Entry<String, OutletClaims.Outlet> e : m.getValue()) {
        OutletClaims.Outlet o = e.getValue();
        stories++;
        sentences += o.sentences;
        unique += o.uniqueCount;
        consensus += o.consensus;
        omitted += o.omittedCount;
        for (OutletClaims.Unique u : o.unique) {
          if (uniqueEv.size() < EVIDENCE) {
            uniqueEv.add(new OutletProfile.UniqueClaim(e.getKey(), u.ref, u.text));
          }
        }
        for (OutletClaims.Omitted x : o.omitted) {
          if (omittedEv.size() < EVIDENCE) {
            omittedEv.add(new OutletProfile.OmittedClaim(e.getKey(), x.text, x.refs, x.outlets, o.articles));
          }
        }
        conflicts(e.getKey(), o, conflicts, conflictEv);
      }
    }
    return new OutletProfile.Claims(stories, sentences, unique, share(unique, sentences), consensus, omitted,
        share(omitted, consensus), uniqueEv, omittedEv, conflicts[0], conflicts[1], conflicts[2], conflictEv);
  }

  /**
   * Adds a story's conflicts to [stories compared, conflicts, stories with one] and, bounded, to the evidence; a
   * line written before conflicts were looked for counts in none.
   */
  private static void conflicts(String story, OutletClaims.Outlet o, int[] counts,
                                List<OutletProfile.ConflictClaim> evidence) {
    if (o.conflictCount == null) {
      return;
    }
    counts[0]++;
    counts[1] += o.conflictCount;
    counts[2] += o.conflictCount > 0 ? 1 : 0;
    if (evidence == null || o.conflicts == null) {
      return;
    }
    for (OutletClaims.Conflicting c : o.conflicts) {
      if (evidence.size() < EVIDENCE) {
        evidence.add(new OutletProfile.ConflictClaim(story, c.kind, c.slot, c.values, c.confidence, c.pairScore,
            c.similarity, c.reason, c.ref,
            c.text, c.otherOutlet, c.otherRef, c.otherText));
      }
    }
  }

  /**
   * [unique, sentences, omitted, consensus, stories compared for conflicts, conflicts, stories with one] of an
   * outlet's month.
   */
  private int[] monthClaims(String outlet, String month) {
    int[] c = new int[7];
    int[] k = new int[3];
    for (Map.Entry<String, OutletClaims.Outlet> e
        : claims.getOrDefault(outlet, new TreeMap<>()).getOrDefault(month, List.of())) {
      c[0] += e.getValue().uniqueCount;
      c[1] += e.getValue().sentences;
      c[2] += e.getValue().omittedCount;
      c[3] += e.getValue().consensus;
      conflicts(e.getKey(), e.getValue(), k, null);
    }
    System.arraycopy(k, 0, c, 4, 3);
    return c;
  }

  /** month → median of {@code figure} over the outlets with at least {@link #MEDIAN_MIN_ARTICLES} that month. */
  public TreeMap<String, Double> medians(String figure, String from, String to) {
    Map<String, List<Double>> values = new HashMap<>();
    for (Map.Entry<String, TreeMap<String, OutletLedger.Month>> o : ledger.outlets().entrySet()) {
      if (o.getKey().equals(OutletLedger.UNKNOWN)) {
        continue;
      }
      Set<String> storySet = null;
      for (Map.Entry<String, OutletLedger.Month> e : o.getValue().entrySet()) {
        if (!in(e.getKey(), from, to) || e.getKey().equals(OutletLedger.UNDATED)
            || e.getValue().articles < MEDIAN_MIN_ARTICLES) {
          continue;
        }
        if (storySet == null) {
          storySet = new HashSet<>();
          for (OutletLedger.Month m : o.getValue().values()) {
            storySet.addAll(m.stories);
          }
        }
        double v = OutletProfile.figure(month(o.getKey(), e.getKey(), e.getValue(), storySet), figure);
        if (!Double.isNaN(v)) {
          values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v);
        }
      }
    }
    TreeMap<String, Double> out = new TreeMap<>();
    values.forEach((m, l) -> out.put(m, median(l)));
    return out;
  }

  /** The story when it is shared by {@link #SHARED_OUTLETS} identified outlets, else null. */
  public StoryInfo sharedStory(String id) {
    return stories.get(id);
  }

  private OutletProfile.Month month(String outlet, String key, OutletLedger.Month m, Set<String> storySet) {
    int[] sc = shared(key, storySet, null);
    int[] cl = monthClaims(outlet, key);
    return new OutletProfile.Month(key, m.articles, m.stories.size(), per100(m.loaded, m.words),
        share(articlesIn(m.originated, true), m.articles), share(articlesIn(m.rewrote, false), m.articles),
        sc[0], sc[1], share(sc[1], sc[0]), share(cl[0], cl[1]), share(cl[2], cl[3]),
        m.partyQuotes.values().stream().mapToInt(Integer::intValue).sum(),
        share(m.partyQuotes.getOrDefault("R", 0),
            m.partyQuotes.getOrDefault("R", 0) + m.partyQuotes.getOrDefault("D", 0)), cl[5], share(cl[6], cl[4]));
  }

  /** Shared stories of a month and how many of them {@code storySet} covers; the others go to {@code missed}. */
  private int[] shared(String month, Set<String> storySet, List<OutletProfile.MissedStory> missed) {
    int shared = 0;
    int covered = 0;
    for (StoryInfo s : sharedByMonth.getOrDefault(month, List.of())) {
      shared++;
      if (storySet.contains(s.id())) {
        covered++;
      } else if (missed != null && missed.size() < EVIDENCE * 4) {
        missed.add(new OutletProfile.MissedStory(s.id(), s.label(), s.from(), identified(s.outlets()),
            ledger.topics().topicOf(s.id())));
      }
    }
    return new int[] {shared, covered};
  }

  /** Distinct articles on one side of "source>copy" pairs. */
  private static int articlesIn(List<String> pairs, boolean source) {
    Set<String> ids = new HashSet<>();
    for (String p : pairs) {
      int gt = p.indexOf('>');
      ids.add(source ? p.substring(0, gt) : p.substring(gt + 1));
    }
    return ids.size();
  }

  static int identified(List<String> outlets) {
    int n = 0;
    for (String o : outlets) {
      if (!o.startsWith(UNKNOWN_PREFIX)) {
        n++;
      }
    }
    return n;
  }

  static boolean in(String month, String from, String to) {
    if (from == null && to == null) {
      return true;
    }
    if (month.equals(OutletLedger.UNDATED)) {
      return false;
    }
    return (from == null || month.compareTo(from) >= 0) && (to == null || month.compareTo(to) <= 0);
  }

  private static void addBounded(List<String> to, List<String> from) {
    for (int i = 0; i < from.size() && to.size() < EVIDENCE; i++) {
      to.add(from.get(i));
    }
  }

  static double per100(long n, long words) {
    return words == 0 ? Double.NaN : 100.0 * n / words;
  }

  static double share(int n, int of) {
    return of == 0 ? Double.NaN : (double) n / of;
  }

  static double median(List<Double> l) {
    double[] v = l.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
