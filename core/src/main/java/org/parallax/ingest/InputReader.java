package org.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
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
  /** The file kinds read, for messages. */
  public static final String KINDS = ".txt, .html, .htm, .json, .jsonl, .jsonl.gz, .warc, .warc.gz, .rss, .atom or a "
      + "feed .xml";
  private final ParallaxConfig config;
  private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

  private final JsonRecords json;

  public InputReader(ParallaxConfig config) {
    this.config = config;
    this.json = new JsonRecords(config, Counting::new);
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
  private static final class Sink implements JsonRecords.Out {
    final java.util.function.Consumer<Document> docs;
    final java.util.function.Consumer<Skipped> skipped;
    long count;

    Sink(java.util.function.Consumer<Document> docs, java.util.function.Consumer<Skipped> skipped) {
      this.docs = docs;
      this.skipped = skipped;
    }

    @Override
    public void add(Document d) {
      count++;
      docs.accept(d);
    }

    @Override
    public void skip(Skipped s) {
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
        json.readJsonLines(file, new java.util.zip.GZIPInputStream(new Counting(Files.newInputStream(file)), 1 << 16), sink);
        return;
      }
      switch (ext) {
        case "txt", "text" -> sink.add(single(file, Document.Format.TEXT));
        case "html", "htm", "xhtml" -> sink.add(single(file, Document.Format.HTML));
        case "jsonl", "json" -> json.readJsonFile(file, sink);
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

  /** Every entry of an RSS/Atom file, with the text the feed carries; entries without any are reported. */
  private void readFeedFile(Path file, Sink sink) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytesRead.addAndGet(bytes.length);
    String kind = TextDecoder.binaryKind(bytes);
    if (kind != null) {
      throw new BadInputException("binary file (" + kind + "), not a feed");
    }
    if (extensionOf(file).equals("xml") && !FeedInput.looksLikeFeed(bytes)) {
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

  /** Makes ids unique in input order ("a", "a-2", ...), since reports refer to articles by id. */
  private static List<Document> uniqueIds(List<Document> docs) {
    Map<String, Integer> seen = new HashMap<>();
    List<Document> out = new ArrayList<>(docs.size());
    for (Document d : docs) {
      int k = seen.merge(d.id(), 1, Integer::sum);
      out.add(k == 1 ? d : new Document(d.id() + "-" + k, d.path(), d.format(), d.content(), d.title(), d.outlet(),
          d.url(), d.date(), d.notes(), d.fallbackDate(), d.topic()));
    }
    return out;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String extensionOf(Path file) {
    return extension(file.getFileName().toString());
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
