package org.parallax.outlets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared stories' claims per outlet, as the separate pass ({@link StoryClaimsPass}) found them: one line per
 * analysed story in an append-only log beside the store ({@link #LOG}), the story's article list in a signature so
 * that a story is analysed again only when its articles change; the latest line of a story wins. Per line at most
 * {@link #EVIDENCE} omitted and unique claims per outlet are kept with their sentences (the counts are exact).
 */
public final class OutletClaims {
  /** The log in the store's directory. */
  public static final String LOG = "outlet-claims.jsonl";
  /** Evidence items kept per outlet and story. */
  static final int EVIDENCE = 10;
  /** Characters of a sentence kept as its text (the span gives the whole). */
  static final int TEXT = 400;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final ObjectReader LINES = JSON.readerFor(Line.class);

  /** A story as analysed: id, signature of its article list, and what each of its outlets does. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Line {
    public String story;
    public String signature;
    public List<Outlet> outlets = new ArrayList<>();
  }

  /** One outlet in one story. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Outlet {
    public String outlet;
    public String month;
    public List<String> articles = new ArrayList<>();
    /** Its claim-like sentences read. */
    public int sentences;
    /** The story's consensus claims. */
    public int consensus;
    public int omittedCount;
    public int uniqueCount;
    public List<Omitted> omitted = new ArrayList<>();
    public List<Unique> unique = new ArrayList<>();
    /** Shown conflicts with another outlet's sentence ({@link StoryConflicts}); null in a line without them. */
    public Integer conflictCount;
    public List<Conflicting> conflicts;
  }

  /**
   * A conflict of the outlet's sentence with another outlet's: the detector's kind and slot, the two values (its
   * own first), confidence, the detector's one-line reason, and both sentences ("articleId:start:end", text).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Conflicting {
    public String kind;
    public String slot;
    public List<String> values = new ArrayList<>();
    public double confidence;
    /** The lexical score of the two sentences (how much of their wording they share, {@link LexicalSentence}). */
    public double pairScore;
    /** The embedding similarity of the two sentences (MiniLM, as the story report compares them). */
    public double similarity;
    public String reason;
    public String ref;
    public String text;
    public String otherOutlet;
    public String otherRef;
    public String otherText;
  }

  /** A consensus claim the outlet omits: the other outlets' sentences ("articleId:start:end") and text. */
  public static final class Omitted {
    public List<String> refs = new ArrayList<>();
    public List<String> outlets = new ArrayList<>();
    public String text;
  }

  /** A sentence no other outlet of the story states. */
  public static final class Unique {
    public String ref;
    public String text;
  }

  private final Map<String, Line> latest;

  private OutletClaims(Map<String, Line> latest) {
    this.latest = latest;
  }

  public static OutletClaims empty() {
    return new OutletClaims(new LinkedHashMap<>());
  }

  /** The log of {@code dir} (the latest line of each story), or an empty one where none is. */
  public static OutletClaims load(Path dir) throws IOException {
    Path log = dir.resolve(LOG);
    Map<String, Line> latest = new LinkedHashMap<>();
    if (!Files.exists(log)) {
      return new OutletClaims(latest);
    }
    try (InputStream in = Files.newInputStream(log); MappingIterator<Line> lines = LINES.readValues(in)) {
      while (true) {
        try {
          if (!lines.hasNextValue()) {
            break;
          }
          Line l = lines.nextValue();
          latest.put(l.story, l);
        } catch (IOException | RuntimeException e) {
          break; // an unfinished last line (a crash while appending): its story is analysed again
        }
      }
    }
    return new OutletClaims(latest);
  }

  /** The signature a story was last analysed with, or null. */
  public String signature(String story) {
    Line l = latest.get(story);
    return l == null ? null : l.signature;
  }

  /** Every story's latest line. */
  public Map<String, Line> lines() {
    return latest;
  }

  /** Appends lines to the log (one write; synced) and takes them as the stories' latest. */
  public void append(Path dir, List<Line> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(lines.size() * 1024);
    for (Line l : lines) {
      sb.append(JSON.writeValueAsString(l)).append('\n');
    }
    Path log = dir.resolve(LOG);
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (Files.exists(log) && Files.size(log) > 0 && !endsWithNewline(log)) {
      bytes = ("\n" + sb).getBytes(StandardCharsets.UTF_8); // after a cut-off line, start on a fresh one
    }
    try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
    for (Line l : lines) {
      latest.put(l.story, l);
    }
  }

  private static boolean endsWithNewline(Path f) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.READ)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
      ch.read(b, ch.size() - 1);
      return b.get(0) == '\n';
    }
  }

  /**
   * The line of a story as {@link StoryClaims} found it, with each outlet's month and, unless null (the conflicts
   * were not looked for), the shown conflicts between its outlets' sentences.
   */
  static Line line(String story, String signature, StoryClaims.Result r, Map<String, String> monthOfOutlet,
                   List<StoryConflicts.Found> conflicts) {
    Line l = new Line();
    l.story = story;
    l.signature = signature;
    for (StoryClaims.OutletResult o : r.outlets()) {
      Outlet x = new Outlet();
      x.outlet = o.outlet();
      x.month = monthOfOutlet.get(o.outlet());
      x.articles = new ArrayList<>(o.articles());
      x.sentences = o.sentences();
      x.consensus = o.consensus();
      x.omittedCount = o.omitted().size();
      x.uniqueCount = o.unique().size();
      for (StoryClaims.Consensus c : o.omitted().subList(0, Math.min(EVIDENCE, o.omitted().size()))) {
        Omitted m = new Omitted();
        c.sentences().forEach(s -> m.refs.add(s.ref()));
        m.outlets = new ArrayList<>(c.outlets());
        m.text = clip(shortest(c.sentences()).text());
        x.omitted.add(m);
      }
      for (StoryClaims.Cited u : o.unique().subList(0, Math.min(EVIDENCE, o.unique().size()))) {
        Unique q = new Unique();
        q.ref = u.ref();
        q.text = clip(u.text());
        x.unique.add(q);
      }
      if (conflicts != null) {
        x.conflicts = new ArrayList<>();
        int n = 0;
        for (StoryConflicts.Found f : conflicts) {
          boolean first = f.a().outlet().equals(o.outlet());
          if (first || f.b().outlet().equals(o.outlet())) {
            n++;
            if (x.conflicts.size() < EVIDENCE) {
              x.conflicts.add(conflicting(f, first));
            }
          }
        }
        x.conflictCount = n;
      }
      l.outlets.add(x);
    }
    return l;
  }

  /** A conflict as one of its two outlets sees it: its own sentence and value first. */
  private static Conflicting conflicting(StoryConflicts.Found f, boolean first) {
    StoryConflicts.Side own = first ? f.a() : f.b();
    StoryConflicts.Side other = first ? f.b() : f.a();
    Conflicting c = new Conflicting();
    c.kind = f.conflict().kind();
    c.slot = f.conflict().slot();
    List<String> v = f.conflict().values();
    c.values = v.size() == 2 && !first ? List.of(v.get(1), v.get(0)) : new ArrayList<>(v);
    c.confidence = f.conflict().confidence();
    c.pairScore = Math.round(f.score() * 1000) / 1000.0;
    c.similarity = Math.round(f.similarity() * 1000) / 1000.0;
    c.reason = clip(f.conflict().reason());
    c.ref = own.cited().ref();
    c.text = clip(own.cited().text());
    c.otherOutlet = other.outlet();
    c.otherRef = other.cited().ref();
    c.otherText = clip(other.cited().text());
    return c;
  }

  private static StoryClaims.Cited shortest(List<StoryClaims.Cited> l) {
    StoryClaims.Cited best = l.get(0);
    for (StoryClaims.Cited c : l) {
      if (c.text().length() < best.text().length()) {
        best = c;
      }
    }
    return best;
  }

  private static String clip(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= TEXT ? t : t.substring(0, TEXT - 1) + "…";
  }

  /** outlet → its lines' entries (story id paired), for profiles. */
  Map<String, List<Map.Entry<String, Outlet>>> byOutlet() {
    Map<String, List<Map.Entry<String, Outlet>>> out = new HashMap<>();
    for (Line l : latest.values()) {
      for (Outlet o : l.outlets) {
        out.computeIfAbsent(o.outlet, k -> new ArrayList<>()).add(Map.entry(l.story, o));
      }
    }
    return out;
  }
}
