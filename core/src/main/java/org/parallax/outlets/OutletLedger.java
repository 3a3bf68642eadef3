package org.parallax.outlets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.model.Article;
import org.parallax.model.Copy;
import org.parallax.model.OutletIdentity;

/**
 * The running per-outlet, per-month figures of a corpus, updated as each article is stored (incremental: an
 * article adds to its outlet's month and nothing is recomputed) and kept beside the store. Counts with the ids
 * of their articles, so that every figure can be shown with its evidence. Thread-safe.
 *
 * <p>Saved as an append-only log ({@link #LOG}): one line per stored article with what its figures need (outlet,
 * month, story, copy relations, words and loaded terms, its input's topic), written at each commit for the articles
 * placed since the last one, so a commit writes what its batch adds and never the corpus again. Loading replays
 * the lines; a line whose article is already placed (a batch saved but not committed before a crash, then ingested
 * again) is skipped, and an unfinished last line (a crash while appending) is dropped and cut off at the next save.
 * A store of an earlier version keeps its whole-state file ({@link #FILE}), read first; new articles go to the log.
 *
 * <p>Bounds: at most {@link #MAX_TERMS} distinct loaded terms per outlet and month (later new terms are not
 * counted by name, only in the rate), {@link #EXAMPLES} example spans per outlet and term and
 * {@link #IDS_KEPT} article ids per outlet and month (the evidence a profile shows; the counts are exact).
 */
public final class OutletLedger {
  /** Whole-state file of stores ingested before the log (read, never written now). */
  public static final String FILE = "outlet-ledger.json";
  /** The append-only log in the store's directory. */
  public static final String LOG = "outlet-ledger.jsonl";
  /** Where articles of no identified outlet are counted together. */
  public static final String UNKNOWN = "(unknown)";
  /** Month of an undated article. */
  public static final String UNDATED = "undated";
  static final int MAX_TERMS = 300;
  static final int EXAMPLES = 3;
  /** Distinct party-labelled speakers kept by name per outlet and month (the quotation counts are exact). */
  static final int MAX_VOICES = 500;
  /** Article ids kept per outlet and month: a profile lists at most {@link OutletProfiles#EVIDENCE} of them. */
  static final int IDS_KEPT = OutletProfiles.EVIDENCE;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final ObjectReader LINES = JSON.readerFor(Line.class);

  /** One outlet's month. Public fields: the saved form of {@link #FILE}. */
  public static final class Month {
    public int articles;
    public long words;
    public int loaded;
    public TreeMap<String, Integer> terms = new TreeMap<>();
    /** The first {@link #IDS_KEPT} of its articles. */
    public List<String> articleIds = new ArrayList<>();
    public TreeSet<String> stories = new TreeSet<>();
    /** Its articles that an article of another outlet copies (originates), as "source>copy" pairs. */
    public List<String> originated = new ArrayList<>();
    /** Its articles that copy an article of another outlet (rewrites), as "source>copy" pairs. */
    public List<String> rewrote = new ArrayList<>();
    /** Outlets it rewrites, with how often. */
    public TreeMap<String, Integer> sources = new TreeMap<>();
    /** Quotations of stated-party speakers ({@link PartyVoices}), by party: "D", "R", "I". */
    public TreeMap<String, Integer> partyQuotes = new TreeMap<>();
    /** The distinct stated-party speakers quoted (name → party), at most {@link #MAX_VOICES}. */
    public TreeMap<String, String> voices = new TreeMap<>();
    /** The first {@link #IDS_KEPT} party quotations, as "party\tname\tarticleId:start:end". */
    public List<String> voiceRefs = new ArrayList<>();
  }

  /** The state; the saved form of {@link #FILE}. */
  public static final class State {
    public TreeMap<String, TreeMap<String, Month>> outlets = new TreeMap<>();
    /** Article id → outlet and month ("outlet\tmonth"), to attribute copies of earlier articles. */
    public HashMap<String, String> placed = new HashMap<>();
    /** Outlet → term → up to {@link #EXAMPLES} spans "articleId:start:end". */
    public TreeMap<String, TreeMap<String, List<String>>> examples = new TreeMap<>();
  }

  /**
   * One line of the log: an article as placed. Short names: the log holds one per article.
   * {@code c}: copy relations "source>copy" found when it was stored; {@code w}: words; {@code t}: loaded terms
   * as [term, start, end]; {@code v}: quotations of stated-party speakers as [party, name, start, end];
   * {@code w}, {@code t} and {@code v} absent when its language was not measured; {@code p}: its input's topic.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Line {
    public String id;
    public String o;
    public String m;
    public String s;
    public List<String> c;
    public Long w;
    public List<Object[]> t;
    public List<Object[]> v;
    public String p;
  }

  private final State state;
  /** Articles placed since the last save, in order, with their language once measured. */
  private final LinkedHashMap<String, Line> pending = new LinkedHashMap<>();
  private final StoryTopics topics = new StoryTopics();
  /** Interned "outlet\tmonth" keys, so that the placed map holds one string per month, not per article. */
  private final HashMap<String, String> keys = new HashMap<>();
  /** Bytes of the log that end in a whole line (a longer file ends in a line a crash cut short); -1: none read. */
  private long logValid = -1;
  /**
   * Whether it only writes the log ({@link #appending}): nothing is counted in memory, so what it holds is the
   * articles placed since the last save, whatever the corpus's size.
   */
  private final boolean appendOnly;

  private OutletLedger(State state, boolean appendOnly) {
    this.state = state;
    this.appendOnly = appendOnly;
  }

  public static OutletLedger empty() {
    return new OutletLedger(new State(), false);
  }

  /**
   * A ledger that only appends to the log in {@code dir}, for ingest: its figures are never read there, and
   * counting them in memory would hold every article's id and story (what a profile needs to attribute copies
   * and count stories) for the whole run, growing with the corpus. The figures are counted when the log is read
   * ({@link #load}), which also drops an article logged twice (a batch saved but not committed before a crash,
   * then ingested again). Its {@link #outlets()} stay empty.
   */
  public static OutletLedger appending(Path dir) throws IOException {
    OutletLedger l = new OutletLedger(new State(), true);
    Path log = dir.resolve(LOG);
    if (Files.exists(log)) {
      l.logValid = wholeLines(log);
    }
    return l;
  }

  /** Whether {@code dir} holds outlet figures (a log or a whole-state file). */
  public static boolean present(Path dir) {
    return Files.exists(dir.resolve(LOG)) || Files.exists(dir.resolve(FILE));
  }

  /** The ledger kept in {@code dir}, or an empty one where none is. */
  public static OutletLedger load(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    OutletLedger l = Files.exists(f) ? new OutletLedger(JSON.readValue(f.toFile(), State.class), false) : empty();
    Path log = dir.resolve(LOG);
    if (Files.exists(log)) {
      l.replay(log);
    }
    return l;
  }

  private void replay(Path log) throws IOException {
    long valid = wholeLines(log);
    try (InputStream in = new BoundedInput(Files.newInputStream(log), valid);
         MappingIterator<Line> lines = LINES.readValues(in)) {
      while (true) {
        Line l;
        try {
          if (!lines.hasNextValue()) {
            break;
          }
          l = lines.nextValue();
        } catch (IOException | RuntimeException e) {
          throw new IOException(LOG + " line " + lines.getCurrentLocation().getLineNr()
              + " is not an article's figures: " + e.getMessage(), e);
        }
        apply(l);
      }
    }
    logValid = valid;
  }

  /** Bytes of the file up to and with its last line end: what a crash while appending left whole. */
  private static long wholeLines(Path f) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 14);
      long end = ch.size();
      while (end > 0) {
        long from = Math.max(0, end - buf.capacity());
        buf.clear().limit((int) (end - from));
        ch.read(buf, from);
        for (int i = (int) (end - from) - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            return from + i + 1;
          }
        }
        end = from;
      }
      return 0;
    }
  }

  /**
   * Appends the articles placed since the last save to the log and applies their figures, in the order they
   * were placed (so the ledger in memory is the one a reload gives). Bytes written: those articles' lines.
   */
  public synchronized void save(Path dir) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(pending.size() * 256);
    for (Line l : pending.values()) {
      sb.append(JSON.writeValueAsString(l)).append('\n');
      if (!appendOnly) {
        applyLanguage(l);
      }
    }
    pending.clear();
    Path log = dir.resolve(LOG);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (logValid >= 0 && ch.size() > logValid) {
        ch.truncate(logValid); // the unfinished line of a run that crashed while appending
      }
      ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      ch.position(ch.size());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
      logValid = ch.size();
    }
  }

  /** The outlet an article is counted under: its identified name, or {@link #UNKNOWN}. */
  public static String outletOf(Article a) {
    OutletIdentity id = a.outletIdentity();
    return id.known() ? id.name() : UNKNOWN;
  }

  /** "2021-12" of an ISO date, or {@link #UNDATED}. */
  public static String monthOf(String date) {
    return date != null && date.length() >= 7 && date.charAt(4) == '-' ? date.substring(0, 7) : UNDATED;
  }

  /**
   * Counts a stored article in its outlet's month, with its story and the copy relations found for it (this
   * article on either side: a later-ingested article can be judged the original). Called in input order. An id
   * already placed is not counted again (by an {@link #appending} ledger: not logged twice in one batch; the log's
   * reader drops a later repeat). {@code topic}: its input's, or null ({@link StoryTopics}).
   */
  public synchronized void place(String id, Article a, String story, List<Copy> copies, String topic) {
    Line l = new Line();
    l.p = StoryTopics.normalise(topic);
    l.id = id;
    l.o = outletOf(a);
    l.m = monthOf(a.date());
    l.s = story;
    if (!copies.isEmpty()) {
      l.c = new ArrayList<>(copies.size());
      for (Copy c : copies) {
        l.c.add(c.source() + ">" + c.copy());
      }
    }
    if (appendOnly ? !pending.containsKey(id) : applyPlacement(l)) {
      pending.put(id, l);
    }
  }

  /**
   * Adds an article's language, measured on the body as stored (on any thread, in any order); its figures
   * count from the next {@link #save}.
   */
  public synchronized void addLanguage(String id, OutletLanguage.Measured m) {
    Line l = pending.get(id);
    if (l == null || l.w != null) {
      return;
    }
    l.w = m.words();
    l.t = new ArrayList<>(m.loaded());
    for (int i = 0; i < m.loaded(); i++) {
      l.t.add(new Object[] {m.terms()[i], m.starts()[i], m.ends()[i]});
    }
    if (m.voices() != null && m.voices().length > 0) {
      l.v = new ArrayList<>(m.voices().length);
      for (PartyVoices.Voice v : m.voices()) {
        l.v.add(new Object[] {String.valueOf(v.party()), v.name(), v.start(), v.end()});
      }
    }
  }

  private void apply(Line l) {
    if (applyPlacement(l)) {
      applyLanguage(l);
    }
  }

  /** Counts a line's article and copies; false when the article is already placed. */
  private boolean applyPlacement(Line l) {
    if (state.placed.containsKey(l.id)) {
      return false;
    }
    String key = keys.computeIfAbsent(l.o + "\t" + l.m, k -> k);
    state.placed.put(l.id, key);
    Month m = month(l.o, l.m);
    m.articles++;
    if (m.articleIds.size() < IDS_KEPT) {
      m.articleIds.add(l.id);
    }
    if (l.s != null) {
      m.stories.add(l.s);
    }
    topics.add(l.s, l.p);
    if (l.c == null) {
      return true;
    }
    for (String pair : l.c) {
      int gt = pair.indexOf('>');
      String[] src = placedAt(pair.substring(0, gt));
      String[] cp = placedAt(pair.substring(gt + 1));
      if (src == null || cp == null || src[0].equals(cp[0])) {
        continue; // an outlet reusing its own text is neither originating nor rewriting
      }
      Month rewriter = month(cp[0], cp[1]);
      rewriter.rewrote.add(pair);
      rewriter.sources.merge(src[0], 1, Integer::sum);
      month(src[0], src[1]).originated.add(pair);
    }
    return true;
  }

  private void applyLanguage(Line l) {
    if (l.w == null) {
      return;
    }
    Month m = month(l.o, l.m);
    m.words += l.w;
    if (l.v != null) {
      for (Object[] v : l.v) {
        String party = (String) v[0];
        String name = (String) v[1];
        m.partyQuotes.merge(party, 1, Integer::sum);
        if (m.voices.containsKey(name) || m.voices.size() < MAX_VOICES) {
          m.voices.put(name, party);
        }
        if (m.voiceRefs.size() < IDS_KEPT) {
          m.voiceRefs.add(party + "\t" + name + "\t" + l.id + ":" + v[2] + ":" + v[3]);
        }
      }
    }
    if (l.t == null) {
      return;
    }
    m.loaded += l.t.size();
    TreeMap<String, List<String>> ex = state.examples.computeIfAbsent(l.o, k -> new TreeMap<>());
    for (Object[] t : l.t) {
      String term = (String) t[0];
      if (m.terms.containsKey(term) || m.terms.size() < MAX_TERMS) {
        m.terms.merge(term, 1, Integer::sum);
      }
      List<String> e = ex.get(term);
      if (e == null && ex.size() < MAX_TERMS * 4) {
        e = new ArrayList<>();
        ex.put(term, e);
      }
      if (e != null && e.size() < EXAMPLES) {
        e.add(l.id + ":" + t[1] + ":" + t[2]);
      }
    }
  }

  private String[] placedAt(String id) {
    String p = state.placed.get(id);
    return p == null ? null : p.split("\t", 2);
  }

  private Month month(String outlet, String month) {
    return state.outlets.computeIfAbsent(outlet, k -> new TreeMap<>()).computeIfAbsent(month, k -> new Month());
  }

  /** A read-only view for profiles: outlet → month → figures. Callers must not change it. */
  synchronized Map<String, TreeMap<String, Month>> outlets() {
    return state.outlets;
  }

  StoryTopics topics() {
    return topics;
  }

  synchronized Map<String, List<String>> examples(String outlet) {
    return state.examples.getOrDefault(outlet, new TreeMap<>());
  }

  synchronized String outletOfArticle(String id) {
    String[] at = placedAt(id);
    return at == null ? null : at[0];
  }
}
