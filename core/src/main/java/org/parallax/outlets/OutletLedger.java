package org.parallax.outlets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.model.Article;
import org.parallax.model.Copy;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.LoadedTerm;
import org.parallax.model.OutletIdentity;

/**
 * The running per-outlet, per-month figures of a corpus, updated as each article is stored (incremental: an
 * article adds to its outlet's month and nothing is recomputed) and saved beside the store. Counts with the ids
 * of their articles, so that every figure can be shown with its evidence. Thread-safe.
 *
 * <p>Bounds: at most {@link #MAX_TERMS} distinct loaded terms per outlet and month (later new terms are not
 * counted by name, only in the rate) and {@link #EXAMPLES} example spans per outlet and term.
 */
public final class OutletLedger {
  /** Name of the file in the store's directory. */
  public static final String FILE = "outlet-ledger.json";
  /** Where articles of no identified outlet are counted together. */
  public static final String UNKNOWN = "(unknown)";
  /** Month of an undated article. */
  public static final String UNDATED = "undated";
  static final int MAX_TERMS = 300;
  static final int EXAMPLES = 3;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** One outlet's month. Public fields: this is the saved form. */
  public static final class Month {
    public int articles;
    public long words;
    public int loaded;
    public TreeMap<String, Integer> terms = new TreeMap<>();
    public List<String> articleIds = new ArrayList<>();
    public TreeSet<String> stories = new TreeSet<>();
    /** Its articles that an article of another outlet copies (originates), as "source>copy" pairs. */
    public List<String> originated = new ArrayList<>();
    /** Its articles that copy an article of another outlet (rewrites), as "source>copy" pairs. */
    public List<String> rewrote = new ArrayList<>();
    /** Outlets it rewrites, with how often. */
    public TreeMap<String, Integer> sources = new TreeMap<>();
  }

  /** The saved state. */
  public static final class State {
    public TreeMap<String, TreeMap<String, Month>> outlets = new TreeMap<>();
    /** Article id → outlet and month ("outlet\tmonth"), to attribute copies of earlier articles. */
    public HashMap<String, String> placed = new HashMap<>();
    /** Outlet → term → up to {@link #EXAMPLES} spans "articleId:start:end". */
    public TreeMap<String, TreeMap<String, List<String>>> examples = new TreeMap<>();
  }

  private final State state;

  private OutletLedger(State state) {
    this.state = state;
  }

  public static OutletLedger empty() {
    return new OutletLedger(new State());
  }

  /** The ledger saved in {@code dir}, or an empty one where none is. */
  public static OutletLedger load(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    return Files.exists(f) ? new OutletLedger(JSON.readValue(f.toFile(), State.class)) : empty();
  }

  /** Writes the ledger atomically (a crash leaves the previous one). */
  public synchronized void save(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), state);
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
   * article on either side: a later-ingested article can be judged the original). Called in input order.
   */
  public synchronized void place(String id, Article a, String story, List<Copy> copies) {
    String outlet = outletOf(a);
    String month = monthOf(a.date());
    state.placed.put(id, outlet + "\t" + month);
    Month m = month(outlet, month);
    m.articles++;
    m.articleIds.add(id);
    if (story != null) {
      m.stories.add(story);
    }
    for (Copy c : copies) {
      String[] src = placedAt(c.source());
      String[] cp = placedAt(c.copy());
      if (src == null || cp == null || src[0].equals(cp[0])) {
        continue; // an outlet reusing its own text is neither originating nor rewriting
      }
      String pair = c.source() + ">" + c.copy();
      Month rewriter = month(cp[0], cp[1]);
      rewriter.rewrote.add(pair);
      rewriter.sources.merge(src[0], 1, Integer::sum);
      month(src[0], src[1]).originated.add(pair);
    }
  }

  /** Adds an article's loaded language (computed off the ordered path, on any thread). */
  public synchronized void addLanguage(String id, LoadedLanguage loaded, long words) {
    String[] at = placedAt(id);
    if (at == null) {
      return;
    }
    Month m = month(at[0], at[1]);
    m.words += words;
    m.loaded += loaded.spans().size();
    TreeMap<String, List<String>> ex = state.examples.computeIfAbsent(at[0], k -> new TreeMap<>());
    for (LoadedTerm t : loaded.spans()) {
      String term = t.text().toLowerCase(java.util.Locale.ROOT);
      if (m.terms.containsKey(term) || m.terms.size() < MAX_TERMS) {
        m.terms.merge(term, 1, Integer::sum);
      }
      List<String> e = ex.get(term);
      if (e == null && ex.size() < MAX_TERMS * 4) {
        e = new ArrayList<>();
        ex.put(term, e);
      }
      if (e != null && e.size() < EXAMPLES) {
        e.add(id + ":" + t.start() + ":" + t.end());
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

  synchronized Map<String, List<String>> examples(String outlet) {
    return state.examples.getOrDefault(outlet, new TreeMap<>());
  }

  synchronized String outletOfArticle(String id) {
    String[] at = placedAt(id);
    return at == null ? null : at[0];
  }
}
