package org.parallax.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.parallax.ParallaxException;
import org.parallax.model.Article;
import org.parallax.model.Copy;
import org.parallax.model.Removed;
import org.parallax.reuse.CopyDetector;
import org.parallax.reuse.Fingerprint;
import org.parallax.reuse.MinHash;
import org.parallax.stories.Story;
import org.parallax.stories.StoryInfo;

/**
 * A Lucene index of cleaned articles: the corpus store. Adding is idempotent — an article whose canonical URL or
 * normalised-text hash is already stored is a duplicate, not a second copy. Changes become durable at
 * {@link #commit()} (Lucene commits are atomic), so a process killed mid-ingest leaves every committed batch intact
 * and nothing half-written. {@link #claim} runs on one thread; {@link #addArticle} is thread-safe. One store per
 * process.
 */
public final class CorpusStore implements AutoCloseable {
  private static final String ID = "id";
  private static final String URL = "url";
  private static final String HASH = "hash";
  private static final String OUTLET = "outlet";
  private static final String OUTLET_KEY = "outlet_key";
  /** How the outlet is known: basis, name, evidence, original, its evidence (\u001F-separated; absent: given). */
  private static final String OUTLET_ID = "outlet_identity";
  private static final String DATE = "date";
  private static final String DAY = "day";
  private static final String TITLE = "title";
  private static final String BODY = "body";
  private static final String LANGUAGE = "language";
  private static final String PATH = "path";
  private static final String BYLINE = "byline";
  /** The noise the cleaner removed, kept so a reader can check the cleaning: reason US text, entries RS-separated. */
  private static final String REMOVED = "removed";
  private static final String TYPE = "type";
  private static final String SEQ = "seq";
  private static final String CDAY = "cday";
  private static final String STORY = "story";
  private static final String FINGERPRINT = "fp";
  private static final String S_ID = "s_id";
  private static final String S_LABEL = "s_label";
  private static final String S_FROM = "s_from";
  private static final String S_TO = "s_to";
  private static final String S_LAST = "s_last";
  private static final String S_DAYS = "s_days";
  private static final String S_DAY_LIST = "s_day_list";
  private static final String S_OUTLETS = "s_outlets";
  private static final String S_STATE = "s_state";
  private static final String C_SOURCE = "c_source";
  private static final String C_COPY = "c_copy";
  private static final String C_KIND = "c_kind";
  private static final String C_SIM = "c_sim";
  private static final String C_ANCHORS = "c_anchors";
  private static final String C_BASIS = "c_basis";
  private static final String ARTICLE = "article";
  /** Titles are short: no length norms, which also keeps norms dense when a title is empty. */
  private static final org.apache.lucene.document.FieldType TITLE_TYPE = titleType();
  private static final String STORY_DOC = "story";
  private static final String COPY_DOC = "copy";
  /** Day key of articles without a date: they are grouped with each other only. */
  public static final long UNDATED = org.parallax.stories.Story.UNDATED;

  /** Sub-folder of the store holding story states and copy relations. */
  static final String RELATIONS_DIR = "relations";
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /**
   * Stories and copies live in an index of their own: stories are rewritten every batch, and in the article index
   * those deletions and body-less documents made every flush and merge slower (sparse norms, re-encoded stored
   * fields). Committed before the article index, so the window between the two commits can only leave a story
   * counting articles of one batch that a resumed run then adds again.
   */
  private final FSDirectory relationsDirectory;
  private final IndexWriter relations;
  private final SearcherManager relationSearchers;
  /** Keys added since the last refresh, which the searcher cannot see yet. */
  private final Map<String, String> pending = new HashMap<>();
  private final Path dir;
  private long nextSeq;

  /** What {@link #add} did. {@code existing} names the stored article a duplicate matches. */
  public record Added(boolean added, String id, String existing, String reason, long seq, String hash) {}

  /** One search hit. */
  public record Hit(String id, String title, String outlet, String date, String url, String story, float score) {}

  /** A stored article with the story it belongs to (null when it has none). */
  public record StoredArticle(Article article, String story) {}

  /** Read-only: over committed data only, refreshed by {@link #refresh}; a running ingest may hold the writer. */
  private CorpusStore(Path dir, boolean readOnly) throws IOException {
    this.dir = dir;
    directory = FSDirectory.open(dir);
    relationsDirectory = FSDirectory.open(dir.resolve(RELATIONS_DIR));
    if (!DirectoryReader.indexExists(directory) || !DirectoryReader.indexExists(relationsDirectory)) {
      directory.close();
      relationsDirectory.close();
      throw new IOException("no committed store there (run 'parallax ingest' first)");
    }
    writer = null;
    relations = null;
    searchers = new SearcherManager(directory, null);
    relationSearchers = new SearcherManager(relationsDirectory, null);
    nextSeq = -1;
  }

  private CorpusStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    directory = FSDirectory.open(dir);
    IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // Bulk ingest: fewer, larger flushes mean far less merging (Lucene's default buffer is 16 MB).
    cfg.setRAMBufferSizeMB(128);
    cfg.setCodec(new KeyedCodec());
    writer = new IndexWriter(directory, cfg);
    searchers = new SearcherManager(writer, null);
    relationsDirectory = FSDirectory.open(dir.resolve(RELATIONS_DIR));
    IndexWriterConfig rcfg = new IndexWriterConfig(new StandardAnalyzer());
    rcfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    rcfg.setRAMBufferSizeMB(32);
    relations = new IndexWriter(relationsDirectory, rcfg);
    relationSearchers = new SearcherManager(relations, null);
    this.dir = dir;
    nextSeq = count(new TermQuery(new Term(TYPE, ARTICLE)));
  }

  /**
   * The default codec, with Bloom filters on the key fields: every ingested article looks up its id, URL and text
   * hash, almost always in vain, and a Bloom filter answers "not in this segment" without reading the terms index.
   * Readers need no special setup: the per-field format is recorded in the index and found by name.
   */
  private static final class KeyedCodec extends org.apache.lucene.codecs.FilterCodec {
    private final org.apache.lucene.codecs.PostingsFormat keys = new org.apache.lucene.codecs.bloom
        .BloomFilteringPostingsFormat(org.apache.lucene.codecs.PostingsFormat.forName("Lucene912"));
    private final org.apache.lucene.codecs.PostingsFormat perField =
        new org.apache.lucene.codecs.perfield.PerFieldPostingsFormat() {
          @Override
          public org.apache.lucene.codecs.PostingsFormat getPostingsFormatForField(String field) {
            return field.equals(ID) || field.equals(URL) || field.equals(HASH) ? keys
                : org.apache.lucene.codecs.PostingsFormat.forName("Lucene912");
          }
        };

    KeyedCodec() {
      super(org.apache.lucene.codecs.Codec.getDefault().getName(), org.apache.lucene.codecs.Codec.getDefault());
    }

    @Override
    public org.apache.lucene.codecs.PostingsFormat postingsFormat() {
      return perField;
    }
  }

  private static org.apache.lucene.document.FieldType titleType() {
    org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /** Opens the store in {@code dir}, creating it on first use. */
  public static CorpusStore open(Path dir) {
    try {
      return new CorpusStore(dir);
    } catch (IOException e) {
      throw new ParallaxException("cannot open the store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens an existing store for reading only, alongside a process that may be ingesting into it: sees what that
   * process has committed, as of the last {@link #refresh}. Writing methods throw.
   */
  public static CorpusStore openReadOnly(Path dir) {
    try {
      return new CorpusStore(dir, true);
    } catch (IOException e) {
      throw new ParallaxException("cannot open the store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Makes batches committed since opening visible (cheap when nothing changed). */
  public void refresh() {
    try {
      relationSearchers.maybeRefresh();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new ParallaxException("cannot refresh the store: " + e.getMessage(), e);
    }
  }

  /** Changes whenever a commit becomes visible here: for caches of what the store lists. */
  public long version() {
    try {
      IndexSearcher a = searchers.acquire();
      IndexSearcher b = relationSearchers.acquire();
      try {
        return ((DirectoryReader) a.getIndexReader()).getVersion() * 31
            + ((DirectoryReader) b.getIndexReader()).getVersion();
      } finally {
        searchers.release(a);
        relationSearchers.release(b);
      }
    } catch (IOException e) {
      throw new ParallaxException("cannot read the store: " + e.getMessage(), e);
    }
  }

  /** Whether this store was opened by {@link #openReadOnly}. */
  public boolean readOnly() {
    return writer == null;
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("the store in " + dir + " was opened read-only");
    }
  }

  /** Adds an article unless its canonical URL or its text is already stored (no story, no fingerprint). */
  public Added add(Article a) {
    Added r = claim(a);
    if (r.added()) {
      addArticle(new Stored(a, r, null, null));
    }
    return r;
  }

  /**
   * Checks an article against the store and the articles claimed since the last commit, by canonical URL, then by
   * text; when it is new, reserves its keys and gives it a unique id and the next ingest sequence number, to be
   * passed to {@link #addArticle}. Call from one thread.
   */
  public Added claim(Article a) {
    return claim(a, contentHash(a.body()));
  }

  /** {@link #claim(Article)} with the article's {@link #contentHash} computed beforehand. */
  public Added claim(Article a, String hash) {
    requireWritable();
    String url = a.url() == null ? null : canonicalUrl(a.url());
    try {
      String byUrl = url == null ? null : existing(URL, url);
      if (byUrl != null) {
        return new Added(false, a.id(), byUrl, "same URL", -1, hash);
      }
      String byHash = existing(HASH, hash);
      if (byHash != null) {
        return new Added(false, a.id(), byHash, "same text", -1, hash);
      }
      String id = a.id();
      if (existing(ID, id) != null) {
        id = id + "-" + hash.substring(0, 8); // same file name or record id, different article
      }
      pending.put(ID + "\u0000" + id, id);
      pending.put(HASH + "\u0000" + hash, id);
      if (url != null) {
        pending.put(URL + "\u0000" + url, id);
      }
      return new Added(true, id, null, null, nextSeq++, hash);
    } catch (IOException e) {
      throw new ParallaxException("cannot check " + a.id() + " against the store: " + e.getMessage(), e);
    }
  }

  /** A claimed article with what corpus mode found for it; {@code story} and {@code fingerprint} may be null. */
  public record Stored(Article article, Added claim, String story, Fingerprint fingerprint) {
    String id() {
      return claim.id();
    }

    long seq() {
      return claim.seq();
    }
  }

  /** Writes a claimed article. Thread-safe: text analysis, the costly part, runs in the calling thread. */
  public void addArticle(Stored s) {
    requireWritable();
    try {
      writer.addDocument(toDocument(s));
    } catch (IOException e) {
      throw new ParallaxException("cannot add " + s.id() + " to the store: " + e.getMessage(), e);
    }
  }

  /**
   * The article exactly as the store gives it back once stored under {@code id} (canonical URL, empty title for
   * none, and so on): what a distributed run must analyse to agree with {@code parallax story}.
   */
  public static Article asStored(Article a, String id) {
    Added claim = new Added(true, id, null, null, 0, contentHash(a.body()));
    return toArticle(toDocument(new Stored(a, claim, null, null)));
  }

  private static Document toDocument(Stored s) {
    Article a = s.article();
    String url = a.url() == null ? null : canonicalUrl(a.url());
    Document d = new Document();
    d.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
    d.add(new StringField(ID, s.id(), Field.Store.YES));
    d.add(new StringField(HASH, s.claim().hash(), Field.Store.NO));
    d.add(new StoredField(SEQ, s.seq()));
    if (url != null) {
      d.add(new StringField(URL, url, Field.Store.YES));
    }
    if (a.outlet() != null) {
      d.add(new StoredField(OUTLET, a.outlet()));
      d.add(new StringField(OUTLET_KEY, a.outlet().toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    if (a.identity() != null) {
      org.parallax.model.OutletIdentity i = a.identity();
      d.add(new StoredField(OUTLET_ID, String.join("\u001F", i.basis().name(), i.name(), nz(i.evidence()),
          nz(i.original()), nz(i.originalEvidence()))));
    }
    Long day = a.date() == null ? null : epochDay(a.date());
    if (a.date() != null) {
      d.add(new StoredField(DATE, a.date()));
      if (day != null) {
        d.add(new LongPoint(DAY, day));
      }
    }
    d.add(new LongPoint(CDAY, day == null ? UNDATED : day));
    d.add(new StoredField(CDAY, day == null ? UNDATED : day));
    if (s.story() != null) {
      d.add(new StringField(STORY, s.story(), Field.Store.YES));
    }
    if (s.fingerprint() != null) {
      d.add(new StoredField(FINGERPRINT, s.fingerprint().toBytes()));
    }
    d.add(new Field(TITLE, a.title() == null ? "" : a.title(), TITLE_TYPE));
    d.add(new TextField(BODY, a.body(), Field.Store.YES));
    d.add(new StoredField(LANGUAGE, a.language() == null ? "" : a.language()));
    d.add(new StoredField(PATH, a.path() == null ? "" : a.path()));
    if (a.byline() != null) {
      d.add(new StoredField(BYLINE, a.byline()));
    }
    if (!a.removed().isEmpty()) {
      d.add(new StoredField(REMOVED, encodeRemoved(a.removed())));
    }
    return d;
  }

  /** Saves (replaces) a story's state. */
  public void putStory(Story story) {
    requireWritable();
    StoryInfo info = story.snapshot();
    Document d = new Document();
    d.add(new StringField(TYPE, STORY_DOC, Field.Store.NO));
    d.add(new StringField(S_ID, info.id(), Field.Store.YES));
    d.add(new StoredField(S_LABEL, info.label() == null ? "" : info.label()));
    if (info.from() != null) {
      d.add(new StoredField(S_FROM, info.from()));
      d.add(new StoredField(S_TO, info.to()));
    }
    List<Long> days = story.dayList();
    long last = days.get(days.size() - 1);
    d.add(new LongPoint(S_LAST, last));
    StringBuilder dayList = new StringBuilder();
    for (long day : days) {
      d.add(new LongPoint(S_DAYS, day));
      dayList.append(dayList.length() == 0 ? "" : ",").append(day);
    }
    d.add(new StoredField(S_DAY_LIST, dayList.toString()));
    d.add(new StoredField(S_OUTLETS, String.join("\n", info.outlets())));
    d.add(new StoredField(S_STATE, story.stateBytes()));
    try {
      relations.updateDocument(new Term(S_ID, info.id()), d);
    } catch (IOException e) {
      throw new ParallaxException("cannot save story " + info.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records that one article copies another. The relation is written with the articles, not with the stories: it
   * then commits in the same commit as the article that made it, so a store killed between the two commits never
   * holds a relation to an article it lacks.
   */
  public void addCopy(Copy c) {
    requireWritable();
    Document d = new Document();
    d.add(new StringField(TYPE, COPY_DOC, Field.Store.NO));
    d.add(new StringField(C_SOURCE, c.source(), Field.Store.YES));
    d.add(new StringField(C_COPY, c.copy(), Field.Store.YES));
    d.add(new StoredField(C_KIND, c.kind()));
    d.add(new StoredField(C_SIM, c.similarity()));
    d.add(new StoredField(C_ANCHORS, c.aligned()));
    d.add(new StoredField(C_BASIS, c.basis()));
    try {
      writer.addDocument(d);
    } catch (IOException e) {
      throw new ParallaxException("cannot record a copy: " + e.getMessage(), e);
    }
  }

  /** Stored articles dated within a day range, as copy detection needs them (committed articles only). */
  public List<CopyDetector.Entry> articlesWithDaysIn(long fromDay, long toDay) {
    List<CopyDetector.Entry> out = new ArrayList<>();
    eachDoc(searchers, new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, ARTICLE)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(CDAY, fromDay, toDay), BooleanClause.Occur.FILTER).build(),
        Set.of(ID, CDAY, SEQ, FINGERPRINT), d -> {
          var fp = d.getBinaryValue(FINGERPRINT);
          if (fp != null) {
            out.add(new CopyDetector.Entry(d.get(ID), d.getField(CDAY).numericValue().longValue(),
                d.getField(SEQ).numericValue().longValue(), Fingerprint.fromBytes(fp.bytes)));
          }
        });
    return out;
  }

  /** Saved stories with an article dated within a day range (committed stories only). */
  public List<Story> storiesWithDaysIn(long fromDay, long toDay) {
    List<Story> out = new ArrayList<>();
    eachDoc(relationSearchers, LongPoint.newRangeQuery(S_DAYS, fromDay, toDay), null,
        d -> out.add(restoreStory(d)));
    return out;
  }

  /** Stories, newest first, optionally only those with an article on or after {@code since} (ISO date). */
  public List<StoryInfo> stories(String since) {
    Query q = since == null ? new TermQuery(new Term(TYPE, STORY_DOC))
        : LongPoint.newRangeQuery(S_LAST, requireDay(since), Long.MAX_VALUE);
    List<StoryInfo> out = new ArrayList<>();
    eachDoc(relationSearchers, q, Set.of(S_ID, S_LABEL, S_FROM, S_TO, S_OUTLETS, S_STATE),
        d -> out.add(storyInfo(d, ByteBuffer.wrap(d.getBinaryValue(S_STATE).bytes).getInt())));
    out.sort(Comparator.comparing((StoryInfo i) -> i.to() == null ? "" : i.to()).reversed()
        .thenComparing(StoryInfo::id));
    return out;
  }

  /** One story, or null. */
  public StoryInfo story(String id) {
    List<StoryInfo> out = new ArrayList<>();
    eachDoc(relationSearchers, new TermQuery(new Term(S_ID, id)), null,
        d -> out.add(storyInfo(d, ByteBuffer.wrap(d.getBinaryValue(S_STATE).bytes).getInt())));
    return out.isEmpty() ? null : out.get(0);
  }

  /** A story's articles in ingest order. */
  public List<Article> storyArticles(String storyId) {
    List<Object[]> found = new ArrayList<>();
    eachDoc(searchers, new TermQuery(new Term(STORY, storyId)), null,
        d -> found.add(new Object[] {d.getField(SEQ).numericValue().longValue(), toArticle(d)}));
    found.sort(Comparator.comparingLong(o -> (Long) o[0]));
    List<Article> out = new ArrayList<>();
    for (Object[] o : found) {
      out.add((Article) o[1]);
    }
    return out;
  }

  /** One stored article by id, with its story; null when there is none. */
  public StoredArticle article(String id) {
    List<StoredArticle> out = new ArrayList<>();
    eachDoc(searchers, new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, ARTICLE)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.FILTER).build(), null,
        d -> out.add(new StoredArticle(toArticle(d), d.get(STORY))));
    return out.isEmpty() ? null : out.get(0);
  }

  /** Copy relations in which any of these articles takes part. */
  public List<Copy> copiesOf(java.util.Collection<String> articleIds) {
    List<Copy> out = new ArrayList<>();
    if (articleIds.isEmpty()) {
      return out;
    }
    List<org.apache.lucene.util.BytesRef> ids = new ArrayList<>();
    for (String id : articleIds) {
      ids.add(new org.apache.lucene.util.BytesRef(id));
    }
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, COPY_DOC)), BooleanClause.Occur.FILTER)
        .add(new BooleanQuery.Builder()
            .add(new org.apache.lucene.search.TermInSetQuery(C_SOURCE, ids), BooleanClause.Occur.SHOULD)
            .add(new org.apache.lucene.search.TermInSetQuery(C_COPY, ids), BooleanClause.Occur.SHOULD)
            .build(), BooleanClause.Occur.FILTER)
        .build();
    eachDoc(searchers, q, null, d -> out.add(toCopy(d)));
    eachDoc(relationSearchers, q, null, d -> out.add(toCopy(d))); // stores written before relations moved
    return out;
  }

  private static Copy toCopy(Document d) {
    return new Copy(d.get(C_SOURCE), d.get(C_COPY), d.get(C_KIND), d.getField(C_SIM).numericValue().doubleValue(),
        d.getField(C_ANCHORS).numericValue().doubleValue(), d.get(C_BASIS));
  }

  /** Every recorded copy relation. */
  public void forEachCopy(Consumer<Copy> action) {
    eachDoc(searchers, new TermQuery(new Term(TYPE, COPY_DOC)), null, d -> action.accept(toCopy(d)));
    // stores written before copy relations moved to the article index keep them with the stories
    eachDoc(relationSearchers, new TermQuery(new Term(TYPE, COPY_DOC)), null, d -> action.accept(toCopy(d)));
  }

  /** Every committed article's id with its story id (null when it has none). */
  public void forEachMembership(java.util.function.BiConsumer<String, String> action) {
    eachDoc(searchers, new TermQuery(new Term(TYPE, ARTICLE)), Set.of(ID, STORY),
        d -> action.accept(d.get(ID), d.get(STORY)));
  }

  /** Article ids of every story, each list in ingest order. Holds one id per article: for listings. */
  public Map<String, List<String>> storyMembers() {
    Map<String, List<long[]>> seqs = new HashMap<>();
    Map<Long, String> ids = new HashMap<>();
    eachDoc(searchers, new TermQuery(new Term(TYPE, ARTICLE)), Set.of(ID, STORY, SEQ), d -> {
      if (d.get(STORY) != null) {
        long seq = d.getField(SEQ).numericValue().longValue();
        ids.put(seq, d.get(ID));
        seqs.computeIfAbsent(d.get(STORY), k -> new ArrayList<>()).add(new long[] {seq});
      }
    });
    Map<String, List<String>> out = new HashMap<>();
    seqs.forEach((story, list) -> {
      list.sort(Comparator.comparingLong(x -> x[0]));
      List<String> names = new ArrayList<>(list.size());
      for (long[] x : list) {
        names.add(ids.get(x[0]));
      }
      out.put(story, names);
    });
    return out;
  }

  /** The folder the store lives in (for files kept beside the index). */
  public Path directory() {
    return dir;
  }

  private Story restoreStory(Document d) {
    List<Long> days = new ArrayList<>();
    for (String x : d.get(S_DAY_LIST).split(",")) {
      days.add(Long.parseLong(x));
    }
    byte[] state = d.getBinaryValue(S_STATE).bytes;
    return Story.restore(storyInfo(d, 0), days, state);
  }

  private static StoryInfo storyInfo(Document d, int size) {
    String outlets = d.get(S_OUTLETS);
    return new StoryInfo(d.get(S_ID), emptyToNull(d.get(S_LABEL)), d.get(S_FROM), d.get(S_TO),
        outlets == null || outlets.isEmpty() ? List.of() : List.of(outlets.split("\n")), size);
  }

  private static Article toArticle(Document d) {
    return new Article(d.get(ID), emptyToNull(d.get(PATH)), d.get(OUTLET), d.get(URL), d.get(TITLE),
        d.get(DATE), d.get(BYLINE), emptyToNull(d.get(LANGUAGE)), d.get(BODY), decodeRemoved(d.get(REMOVED)),
        identity(d.get(OUTLET_ID)));
  }

  private static org.parallax.model.OutletIdentity identity(String stored) {
    if (stored == null) {
      return null;
    }
    String[] p = stored.split("\u001F", -1);
    return new org.parallax.model.OutletIdentity(p[1], org.parallax.model.OutletIdentity.Basis.valueOf(p[0]),
        emptyToNull(p[2]), emptyToNull(p[3]), emptyToNull(p[4]));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String encodeRemoved(List<Removed> removed) {
    StringBuilder b = new StringBuilder();
    for (Removed r : removed) {
      if (b.length() > 0) {
        b.append('\u001E');
      }
      b.append(r.reason().replace('\u001E', ' ').replace('\u001F', ' ')).append('\u001F')
          .append(r.text().replace('\u001E', ' ').replace('\u001F', ' '));
    }
    return b.toString();
  }

  private static List<Removed> decodeRemoved(String s) {
    if (s == null || s.isEmpty()) {
      return List.of();
    }
    List<Removed> out = new ArrayList<>();
    for (String entry : s.split("\u001E")) {
      int sep = entry.indexOf('\u001F');
      out.add(sep < 0 ? new Removed(entry, "removed") : new Removed(entry.substring(sep + 1), entry.substring(0, sep)));
    }
    return out;
  }

  /** Runs {@code action} on every committed document matching {@code q} (all fields when {@code fields} is null). */
  private static void eachDoc(SearcherManager searchers, Query q, Set<String> fields, Consumer<Document> action) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        StoredFields stored = s.storedFields();
        List<Integer> docs = new ArrayList<>();
        s.search(q, new org.apache.lucene.search.SimpleCollector() {
          private int base;

          @Override
          protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
            base = context.docBase;
          }

          @Override
          public void collect(int doc) {
            docs.add(base + doc);
          }

          @Override
          public org.apache.lucene.search.ScoreMode scoreMode() {
            return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
          }
        });
        java.util.Collections.sort(docs);
        for (int doc : docs) {
          action.accept(fields == null ? stored.document(doc) : stored.document(doc, fields));
        }
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ParallaxException("cannot read the store: " + e.getMessage(), e);
    }
  }

  private int count(Query q) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.count(q);
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Whether an article with this URL (canonicalised) was committed. Safe from any thread: it does not look at
   * articles claimed since the last commit.
   */
  public boolean hasCommittedUrl(String url) {
    try {
      return committed(URL, canonicalUrl(url)) != null;
    } catch (IOException e) {
      throw new ParallaxException("cannot look up " + url + " in the store: " + e.getMessage(), e);
    }
  }

  private String existing(String field, String value) throws IOException {
    String p = pending.get(field + "\u0000" + value);
    if (p != null) {
      return p;
    }
    return committed(field, value);
  }

  private String committed(String field, String value) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      // A direct term lookup per segment: this runs three times for every ingested article.
      org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(value);
      for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
        org.apache.lucene.index.Terms terms = leaf.reader().terms(field);
        if (terms == null) {
          continue;
        }
        org.apache.lucene.index.TermsEnum te = terms.iterator();
        if (!te.seekExact(term)) {
          continue;
        }
        org.apache.lucene.index.PostingsEnum pe = te.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (int doc = pe.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
             doc = pe.nextDoc()) {
          if (live == null || live.get(doc)) {
            return leaf.reader().storedFields().document(doc, Set.of(ID)).get(ID);
          }
        }
      }
      return null;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Writes one buffer of added articles to a new segment, if any is pending; callers on several threads flush
   * buffers in parallel, which {@link #commit} would otherwise do one after the other on its own thread.
   */
  public boolean flushBuffer() {
    requireWritable();
    try {
      return writer.flushNextBuffer();
    } catch (IOException e) {
      throw new ParallaxException("cannot write the store: " + e.getMessage(), e);
    }
  }

  /** Makes everything added so far durable and visible to searches. */
  public void commit() {
    requireWritable();
    try {
      relations.commit();
      relationSearchers.maybeRefreshBlocking();
      writer.commit();
      searchers.maybeRefreshBlocking();
      pending.clear();
    } catch (IOException e) {
      throw new ParallaxException("cannot commit the store: " + e.getMessage(), e);
    }
  }

  /** Number of committed, searchable articles. */
  public int size() {
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher s = searchers.acquire();
      try {
        return s.count(new TermQuery(new Term(TYPE, ARTICLE)));
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new ParallaxException("cannot read the store: " + e.getMessage(), e);
    }
  }

  /**
   * Full-text search over title and body in Lucene's query syntax, optionally restricted to an outlet (exact,
   * case-insensitive) and a date range (inclusive ISO dates; either end may be null).
   */
  public List<Hit> search(String query, String outlet, String from, String to, int limit) {
    try {
      searchers.maybeRefreshBlocking();
      Query text = new MultiFieldQueryParser(new String[] {TITLE, BODY}, new StandardAnalyzer()).parse(query);
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
      if (outlet != null) {
        b.add(new TermQuery(new Term(OUTLET_KEY, outlet.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
      }
      if (from != null || to != null) {
        long lo = from == null ? Long.MIN_VALUE : requireDay(from);
        long hi = to == null ? Long.MAX_VALUE : requireDay(to);
        b.add(LongPoint.newRangeQuery(DAY, lo, hi), BooleanClause.Occur.FILTER);
      }
      IndexSearcher s = searchers.acquire();
      try {
        List<Hit> out = new ArrayList<>();
        StoredFields fields = s.storedFields();
        for (ScoreDoc sd : s.search(b.build(), limit).scoreDocs) {
          Document d = fields.document(sd.doc);
          out.add(new Hit(d.get(ID), d.get(TITLE), d.get(OUTLET), d.get(DATE), d.get(URL), d.get(STORY), sd.score));
        }
        return out;
      } finally {
        searchers.release(s);
      }
    } catch (ParseException e) {
      throw new ParallaxException("cannot parse the query '" + query + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ParallaxException("cannot search the store: " + e.getMessage(), e);
    }
  }

  /** Every committed article, in index order, without loading them all at once. */
  public void forEach(Consumer<Article> action) {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields fields = reader.storedFields();
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document d = fields.document(i);
        if (d.get(BODY) != null) {
          action.accept(toArticle(d));
        }
      }
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      // An empty store has nothing to export.
    } catch (IOException e) {
      throw new ParallaxException("cannot read the store: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (writer == null) {
        relationSearchers.close();
        searchers.close();
        relationsDirectory.close();
        directory.close();
        return;
      }
      relations.commit();
      writer.commit();
      relationSearchers.close();
      relations.close();
      relationsDirectory.close();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new ParallaxException("cannot close the store: " + e.getMessage(), e);
    }
  }

  /** Lower-cased scheme and host, no fragment, no tracking parameters, no trailing slash. */
  static String canonicalUrl(String url) {
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    int q = u.indexOf('?');
    if (q >= 0) {
      StringBuilder kept = new StringBuilder();
      for (String param : u.substring(q + 1).split("&")) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (!name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid") && !name.isEmpty()) {
          kept.append(kept.length() == 0 ? "?" : "&").append(param);
        }
      }
      u = u.substring(0, q) + kept;
    }
    int scheme = u.indexOf("://");
    if (scheme > 0) {
      int slash = u.indexOf('/', scheme + 3);
      String head = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT).replace("://www.", "://");
      u = head + (slash < 0 ? "" : u.substring(slash));
      u = u.replaceFirst("^https?://", "//");
    }
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /**
   * A 128-bit fingerprint of the body with case and whitespace normalised, so the same text scraped twice hashes
   * the same. Two independent 64-bit hashes (FNV-1a and a multiply-rotate hash, each finalised by SplitMix64) in
   * one pass: exact-duplicate detection needs no cryptographic strength, and SHA-256 cost more than the rest of
   * the duplicate check.
   */
  public static String contentHash(String body) {
    long a = 0xCBF2_9CE4_8422_2325L;
    long b = 0x9E37_79B9_7F4A_7C15L;
    boolean space = false;
    boolean started = false;
    for (char c : body.toCharArray()) {
      if (c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) : Character.isWhitespace(c)) {
        space = started;
        continue;
      }
      if (space) {
        a = (a ^ ' ') * 0x100_0000_01B3L;
        b = Long.rotateLeft(b ^ ' ', 23) * 0xC2B2_AE3D_27D4_EB4FL;
        space = false;
      }
      // Character.toLowerCase, without its table lookup for ASCII
      char l = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
      a = (a ^ l) * 0x100_0000_01B3L;
      b = Long.rotateLeft(b ^ l, 23) * 0xC2B2_AE3D_27D4_EB4FL;
      started = true;
    }
    return String.format("%016x%016x", MinHash.mix(a), MinHash.mix(b));
  }

  /** Days since 1970-01-01 of an ISO date (time part ignored), or null when it is not one. */
  public static Long epochDay(String date) {
    try {
      return LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date).toEpochDay();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long requireDay(String date) {
    Long d = epochDay(date);
    if (d == null) {
      throw new ParallaxException("not an ISO date (YYYY-MM-DD): " + date);
    }
    return d;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
