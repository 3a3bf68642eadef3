package org.parallax.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.parallax.ParallaxException;
import org.parallax.model.Article;

/**
 * A Lucene index of cleaned articles: the corpus store. Adding is idempotent — an article whose canonical URL or
 * normalised-text hash is already stored is a duplicate, not a second copy. Changes become durable at
 * {@link #commit()} (Lucene commits are atomic), so a process killed mid-ingest leaves every committed batch intact
 * and nothing half-written. Not thread-safe for writers; one store per process.
 */
public final class CorpusStore implements AutoCloseable {
  private static final String ID = "id";
  private static final String URL = "url";
  private static final String HASH = "hash";
  private static final String OUTLET = "outlet";
  private static final String OUTLET_KEY = "outlet_key";
  private static final String DATE = "date";
  private static final String DAY = "day";
  private static final String TITLE = "title";
  private static final String BODY = "body";
  private static final String LANGUAGE = "language";
  private static final String PATH = "path";

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Keys added since the last refresh, which the searcher cannot see yet. */
  private final Map<String, String> pending = new HashMap<>();

  /** What {@link #add} did. {@code existing} names the stored article a duplicate matches. */
  public record Added(boolean added, String id, String existing, String reason) {}

  /** One search hit. */
  public record Hit(String id, String title, String outlet, String date, String url, float score) {}

  private CorpusStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    directory = FSDirectory.open(dir);
    IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    writer = new IndexWriter(directory, cfg);
    searchers = new SearcherManager(writer, null);
  }

  /** Opens the store in {@code dir}, creating it on first use. */
  public static CorpusStore open(Path dir) {
    try {
      return new CorpusStore(dir);
    } catch (IOException e) {
      throw new ParallaxException("cannot open the store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Adds an article unless its canonical URL or its text is already stored. */
  public Added add(Article a) {
    String url = a.url() == null ? null : canonicalUrl(a.url());
    String hash = contentHash(a.body());
    try {
      String byUrl = url == null ? null : existing(URL, url);
      if (byUrl != null) {
        return new Added(false, a.id(), byUrl, "same URL");
      }
      String byHash = existing(HASH, hash);
      if (byHash != null) {
        return new Added(false, a.id(), byHash, "same text");
      }
      String id = a.id();
      if (existing(ID, id) != null) {
        id = id + "-" + hash.substring(0, 8); // same file name or record id, different article
      }
      Document d = new Document();
      d.add(new StringField(ID, id, Field.Store.YES));
      d.add(new StringField(HASH, hash, Field.Store.NO));
      if (url != null) {
        d.add(new StringField(URL, url, Field.Store.YES));
      }
      if (a.outlet() != null) {
        d.add(new StoredField(OUTLET, a.outlet()));
        d.add(new StringField(OUTLET_KEY, a.outlet().toLowerCase(Locale.ROOT), Field.Store.NO));
      }
      if (a.date() != null) {
        d.add(new StoredField(DATE, a.date()));
        Long day = epochDay(a.date());
        if (day != null) {
          d.add(new LongPoint(DAY, day));
        }
      }
      d.add(new TextField(TITLE, a.title() == null ? "" : a.title(), Field.Store.YES));
      d.add(new TextField(BODY, a.body(), Field.Store.YES));
      d.add(new StoredField(LANGUAGE, a.language() == null ? "" : a.language()));
      d.add(new StoredField(PATH, a.path() == null ? "" : a.path()));
      writer.addDocument(d);
      pending.put(ID + "\u0000" + id, id);
      pending.put(HASH + "\u0000" + hash, id);
      if (url != null) {
        pending.put(URL + "\u0000" + url, id);
      }
      return new Added(true, id, null, null);
    } catch (IOException e) {
      throw new ParallaxException("cannot add " + a.id() + " to the store: " + e.getMessage(), e);
    }
  }

  private String existing(String field, String value) throws IOException {
    String p = pending.get(field + "\u0000" + value);
    if (p != null) {
      return p;
    }
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs top = s.search(new TermQuery(new Term(field, value)), 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      return s.storedFields().document(top.scoreDocs[0].doc).get(ID);
    } finally {
      searchers.release(s);
    }
  }

  /** Makes everything added so far durable and visible to searches. */
  public void commit() {
    try {
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
        return s.getIndexReader().numDocs();
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
          out.add(new Hit(d.get(ID), d.get(TITLE), d.get(OUTLET), d.get(DATE), d.get(URL), sd.score));
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
        action.accept(new Article(d.get(ID), emptyToNull(d.get(PATH)), d.get(OUTLET), d.get(URL), d.get(TITLE),
            d.get(DATE), null, emptyToNull(d.get(LANGUAGE)), d.get(BODY), List.of()));
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
      writer.commit();
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

  /** SHA-256 of the body with case and whitespace normalised: the same text scraped twice hashes the same. */
  static String contentHash(String body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String norm = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      return HexFormat.of().formatHex(md.digest(norm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Long epochDay(String date) {
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
