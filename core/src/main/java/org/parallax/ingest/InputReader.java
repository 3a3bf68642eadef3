package org.parallax.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;

/**
 * Reads files and folders (walked recursively, in name order) into {@link Document}s. Each bad file or JSON line is
 * recorded in the skipped list with a specific reason and the rest goes on.
 */
public final class InputReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The file kinds read, for messages. */
  public static final String KINDS = ".txt, .html, .htm, .json, .jsonl, .jsonl.gz, .warc, .warc.gz, .rss, .atom or a "
      + "feed .xml";
  private final ParallaxConfig config;
  private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

  public InputReader(ParallaxConfig config) {
    this.config = config;
  }

  /** Bytes of input files consumed so far (compressed bytes for gzip), for progress and ETA. */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Total size of the readable files under the paths: what {@link #bytesRead()} reaches at the end. */
  public static long totalBytes(List<Path> paths) {
    long total = 0;
    for (Path p : paths) {
      try (Stream<Path> walk = Files.walk(p)) {
        total += walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable paths are reported when read; they only make the estimate smaller
      }
    }
    return total;
  }

  /** Counts the bytes that pass through, into {@link #bytesRead}. */
  private final class Counting extends java.io.FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesRead.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        bytesRead.addAndGet(n);
      }
      return n;
    }
  }

  public IngestResult read(List<Path> paths) {
    return read(paths, () -> { });
  }

  /** Reads everything; {@code afterEach} runs after each document read or input skipped, for progress. */
  public IngestResult read(List<Path> paths, Runnable afterEach) {
    List<Document> docs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    stream(paths, d -> {
      docs.add(d);
      afterEach.run();
    }, s -> {
      skipped.add(s);
      afterEach.run();
    });
    return new IngestResult(uniqueIds(docs), skipped);
  }

  /**
   * Reads the inputs one document at a time, for corpora too large to hold: each document and each skipped
   * input goes to its consumer as soon as it is read. Ids are not made unique here (the store does that).
   */
  public void stream(List<Path> paths, java.util.function.Consumer<Document> docs,
                     java.util.function.Consumer<Skipped> skipped) {
    Sink sink = new Sink(docs, skipped);
    for (Path p : paths) {
      if (!Files.exists(p)) {
        sink.skip(new Skipped(p.toString(), Files.isSymbolicLink(p) ? notResolved(p)
            : "no such file or directory"));
      } else if (Files.isDirectory(p)) {
        readFolder(p, sink);
      } else if (Files.isRegularFile(p)) {
        readFile(p, sink);
      } else {
        sink.skip(new Skipped(p.toString(), "not a regular file (a pipe, socket or device would block reading)"));
      }
    }
  }

  /** Where read documents and skipped inputs go, counting documents so a folder can tell it held none. */
  private static final class Sink {
    final java.util.function.Consumer<Document> docs;
    final java.util.function.Consumer<Skipped> skipped;
    long count;

    Sink(java.util.function.Consumer<Document> docs, java.util.function.Consumer<Skipped> skipped) {
      this.docs = docs;
      this.skipped = skipped;
    }

    void add(Document d) {
      count++;
      docs.accept(d);
    }

    void skip(Skipped s) {
      skipped.accept(s);
    }
  }

  private void readFolder(Path dir, Sink sink) {
    long before = sink.count;
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) {
      // Links are not followed into folders (a link to a parent would loop); every entry that is not a folder is
      // either read or reported, so nothing in the tree goes unmentioned.
      entries = walk.filter(f -> !Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.skip(new Skipped(dir.toString(), "cannot list folder: " + e.getMessage()));
      return;
    }
    for (Path f : entries) {
      if (Files.isRegularFile(f)) {
        readFile(f, sink);
      } else if (Files.isDirectory(f)) {
        sink.skip(new Skipped(f.toString(), "symbolic link to a folder: not followed (it could loop)"));
      } else if (Files.isSymbolicLink(f)) {
        sink.skip(new Skipped(f.toString(), notResolved(f)));
      } else {
        sink.skip(new Skipped(f.toString(), "not a regular file (a pipe, socket or device would block reading)"));
      }
    }
    if (sink.count == before) {
      sink.skip(new Skipped(dir.toString(),
          "folder holds no readable articles (" + KINDS + ")"));
    }
  }

  private static String notResolved(Path link) {
    try {
      return "symbolic link to " + Files.readSymbolicLink(link) + ", which leads nowhere (missing, or a loop)";
    } catch (IOException e) {
      return "symbolic link that leads nowhere (missing, or a loop)";
    }
  }

  private void readFile(Path file, Sink sink) {
    String name = file.getFileName().toString();
    String ext = extension(name);
    String where = file.toString();
    try {
      long size = Files.size(file);
      String lower = name.toLowerCase(Locale.ROOT);
      if (WarcInput.isWarc(lower)) {
        // Streamed record by record: no whole-file limit, only one per page.
        if (size == 0) {
          sink.skip(new Skipped(where, "empty file"));
          return;
        }
        long[] last = {0};
        new WarcInput(config.maxFileBytes()).read(file, sink::add, sink::skip, pos -> {
          bytesRead.addAndGet(Math.max(0, pos - last[0]));
          last[0] = Math.max(last[0], pos);
        });
        return;
      }
      boolean gz = ext.equals("gz") && name.toLowerCase(Locale.ROOT).matches(".*\\.jsonl?\\.gz");
      boolean lines = ext.equals("jsonl") || ext.equals("json") || gz;
      long limit = lines ? config.maxJsonlFileBytes() : config.maxFileBytes();
      if (size > limit) {
        sink.skip(new Skipped(where, "file too large: " + megabytes(size) + " exceeds the " + megabytes(limit)
            + " limit for one " + (lines ? "JSON file" : "article")));
        return;
      }
      if (size == 0) {
        sink.skip(new Skipped(where, "empty file"));
        return;
      }
      if (gz) {
        readJsonLines(file, new java.util.zip.GZIPInputStream(new Counting(Files.newInputStream(file)), 1 << 16), sink);
        return;
      }
      switch (ext) {
        case "txt", "text" -> sink.add(single(file, Document.Format.TEXT));
        case "html", "htm", "xhtml" -> sink.add(single(file, Document.Format.HTML));
        case "jsonl", "json" -> readJsonFile(file, sink);
        case "rss", "atom", "xml" -> readFeedFile(file, sink);
        default -> sink.skip(new Skipped(where, "unsupported file type '." + ext + "' (expected " + KINDS + ")"));
      }
    } catch (BadInputException e) {
      sink.skip(new Skipped(where, e.getMessage()));
    } catch (java.util.zip.ZipException e) {
      sink.skip(new Skipped(where, "not a valid gzip file: " + e.getMessage()));
    } catch (IOException e) {
      sink.skip(new Skipped(where, "cannot read: " + e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // A parser's own failure on a hostile file (XML nested thousands deep, say) is that file's problem only.
      sink.skip(new Skipped(where, "cannot read: " + e));
    }
  }

  /** JSON Lines from a (decompressing) stream; a stream that ends early is reported with what was read. */
  private void readJsonLines(Path file, InputStream in, Sink sink) throws IOException {
    int lineNo = 0;
    try (BoundedLineReader r = lines(in)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (tooLong(r, file, lineNo, sink)) {
          continue;
        }
        if (!line.isBlank()) {
          parseRecord(line, file, "line " + lineNo, sink);
        }
      }
    } catch (java.io.EOFException e) {
      sink.skip(new Skipped(file.toString(), "truncated gzip: the file ends inside line " + (lineNo + 1)
          + "; the " + lineNo + " lines before it were read"));
    }
  }

  /** Every entry of an RSS/Atom file, with the text the feed carries; entries without any are reported. */
  private void readFeedFile(Path file, Sink sink) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytesRead.addAndGet(bytes.length);
    String kind = TextDecoder.binaryKind(bytes);
    if (kind != null) {
      throw new BadInputException("binary file (" + kind + "), not a feed");
    }
    if (ext(file).equals("xml") && !FeedInput.looksLikeFeed(bytes)) {
      throw new BadInputException("XML file is not an RSS or Atom feed");
    }
    int i = 0;
    for (FeedInput.Entry e : FeedInput.parse(bytes, baseName(file))) {
      i++;
      if (e.html().isBlank()) {
        sink.skip(new Skipped(file + ":" + i, "feed entry " + i + " (" + e.link() + ") carries no text, only a "
            + "title and link; poll the feed with --feed to fetch its pages"));
      } else {
        sink.add(e.toDocument(file + ":" + i));
      }
    }
    if (i == 0) {
      throw new BadInputException("feed has no entries");
    }
  }

  private Document single(Path file, Document.Format format) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytesRead.addAndGet(bytes.length);
    TextDecoder.Decoded d = format == Document.Format.HTML ? TextDecoder.decodeHtml(bytes) : TextDecoder.decode(bytes);
    if (d.text().isBlank()) {
      throw new BadInputException("file holds only whitespace");
    }
    return new Document(baseName(file), file.toString(), format, d.text(), null, null, null, null, d.note());
  }

  private void readJsonFile(Path file, Sink sink) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    }
    String kind = TextDecoder.binaryKind(head);
    if (kind != null) {
      throw new BadInputException("binary file (" + kind + "), not JSON");
    }
    String first = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (first.startsWith("[")) {
      readJsonArray(file, sink);
      return;
    }
    try (BoundedLineReader r = lines(new Counting(Files.newInputStream(file)))) {
      String line;
      int lineNo = 0;
      StringBuilder pending = null;
      int pendingStart = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (tooLong(r, file, lineNo, sink) || line.isBlank()) {
          continue;
        }
        if (pending != null && pending.length() + line.length() > config.maxFileBytes()) {
          sink.skip(new Skipped(file + ":" + pendingStart, "line " + pendingStart + ": JSON object over "
              + megabytes(config.maxFileBytes()) + " (maxFileBytes), the limit for one article; left out"));
          pending = null;
          continue;
        }
        // A single pretty-printed object in a .json file spans lines: gather it whole.
        if (pending != null || (ext(file).equals("json") && !looksComplete(line))) {
          if (pending == null) {
            pending = new StringBuilder();
            pendingStart = lineNo;
          }
          pending.append(line).append('\n');
          continue;
        }
        parseRecord(line, file, "line " + lineNo, sink);
      }
      if (pending != null) {
        parseRecord(pending.toString(), file, "line " + pendingStart, sink);
      }
    }
  }

  /**
   * A JSON array of records, read one item at a time: the file may be far larger than the memory one article
   * needs. Jackson's own limits (string length, nesting) stop a hostile item; the items before it are kept.
   */
  private void readJsonArray(Path file, Sink sink) throws IOException {
    int i = 0;
    try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(new Counting(Files.newInputStream(file)))) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        throw new BadInputException("invalid JSON: expected an array");
      }
      com.fasterxml.jackson.core.JsonToken t;
      while ((t = p.nextToken()) != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
        if (t == null) {
          throw new JsonProcessingException("the array is not closed") { };
        }
        i++;
        addRecord(JSON.readTree(p), file, "item " + i, sink);
      }
    } catch (JsonProcessingException e) {
      String what = "invalid JSON" + (i > 0 ? " in item " + i + " (the " + (i - 1) + " items before it were read)"
          : "");
      if (i <= 1) {
        throw new BadInputException(what + ": " + e.getOriginalMessage());
      }
      sink.skip(new Skipped(file + ":" + i, what + ": " + e.getOriginalMessage()));
    }
  }

  /** Lines of UTF-8 text, each cut at the one-article limit (a single JSON line may be gigabytes). */
  private BoundedLineReader lines(InputStream in) {
    int max = (int) Math.min(Integer.MAX_VALUE - 16, config.maxFileBytes());
    return new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), max);
  }

  /** Reports a line over the one-article limit, which was read past rather than held. */
  private boolean tooLong(BoundedLineReader r, Path file, int lineNo, Sink sink) {
    if (!r.lastCut()) {
      return false;
    }
    sink.skip(new Skipped(file + ":" + lineNo, String.format(Locale.ROOT, "line %d: JSON record of %,d characters, "
        + "over the %s limit for one article (maxFileBytes); left out", lineNo, r.lastLength(),
        megabytes(config.maxFileBytes()))));
    return true;
  }

  private static boolean looksComplete(String line) {
    String t = line.strip();
    return t.startsWith("{") && t.endsWith("}");
  }

  private void parseRecord(String json, Path file, String where, Sink sink) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      String what = msg != null && msg.contains("end-of-input") ? "truncated JSON" : "invalid JSON";
      sink.skip(new Skipped(file + ":" + where.replace("line ", ""), where + ": " + what + " (" + msg + ")"));
      return;
    }
    addRecord(n, file, where, sink);
  }

  private void addRecord(JsonNode n, Path file, String where, Sink sink) {
    String loc = file + ":" + where.replaceAll("^(line|item) ", "");
    if (n == null || !n.isObject()) {
      sink.skip(new Skipped(loc, where + ": not a JSON object"));
      return;
    }
    String text = str(n, "text");
    String html = str(n, "html");
    if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
      sink.skip(new Skipped(loc, where + ": no 'text' or 'html' field"));
      return;
    }
    String id = str(n, "id");
    if (id == null || id.isBlank()) {
      id = baseName(file).replaceFirst("\\.jsonl?$", "") + "-" + where.replaceAll("\\D", "");
    }
    Document.Format format = text != null && !text.isBlank() ? Document.Format.TEXT : Document.Format.HTML;
    sink.add(new Document(id, loc, format, format == Document.Format.TEXT ? text : html, str(n, "title"),
        str(n, "outlet"), str(n, "url"), str(n, "date"), null));
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  /** Makes ids unique in input order ("a", "a-2", ...), since reports refer to articles by id. */
  private static List<Document> uniqueIds(List<Document> docs) {
    Map<String, Integer> seen = new HashMap<>();
    List<Document> out = new ArrayList<>(docs.size());
    for (Document d : docs) {
      int k = seen.merge(d.id(), 1, Integer::sum);
      out.add(k == 1 ? d : new Document(d.id() + "-" + k, d.path(), d.format(), d.content(), d.title(), d.outlet(),
          d.url(), d.date(), d.notes()));
    }
    return out;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String ext(Path file) {
    return extension(file.getFileName().toString());
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
