package org.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.parallax.model.Skipped;

/**
 * Reads the HTML pages of a WARC or WARC.gz file (as crawlers and CC-NEWS write them) with jwarc: successful HTTP
 * {@code response} records and {@code resource} records whose payload is HTML. Everything else (requests, metadata,
 * images, redirects) is passed over silently. A corrupt record is reported with its byte offset and reading resumes
 * at the next record boundary (the next gzip member, or the next {@code WARC/1.x} line), so one bad record never
 * loses the rest of the file.
 */
final class WarcInput {
  private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] NEWLINE_WARC = "\nWARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private final long maxRecordBytes;

  /** @param maxRecordBytes the largest page read; bigger payloads are reported and passed over */
  WarcInput(long maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  static boolean isWarc(String lowerCaseName) {
    return lowerCaseName.endsWith(".warc") || lowerCaseName.endsWith(".warc.gz");
  }

  /** Reads one file; {@code progress} receives the byte offset reached, for the caller's ETA. */
  void read(Path file, Consumer<Document> docs, Consumer<Skipped> skipped, LongConsumer progress) throws IOException {
    String base = InputReader.baseName(file).replaceFirst("(?i)\\.warc$", "");
    boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    long size = java.nio.file.Files.size(file);
    long offset = 0;
    int pages = 0;
    int records = 0;
    while (offset >= 0 && offset < size) {
      long lastStart = -1;
      boolean inPage = false;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.position(offset);
        try (WarcReader reader = new WarcReader(channel)) {
          for (WarcRecord r : reader) {
            lastStart = r.position();
            records++;
            progress.accept(lastStart);
            inPage = true;
            Document d = page(r, file, base, skipped);
            inPage = false;
            if (d != null) {
              pages++;
              docs.accept(d);
            }
          }
          offset = -1;
        }
      } catch (IOException | RuntimeException e) {
        // The record being read (at lastStart, the one after it, or the first at offset) is unreadable: skip to
        // the boundary after it.
        long bad = lastStart < 0 ? offset : inPage ? lastStart : nextBoundary(file, lastStart + 1, gz);
        long next = bad < 0 ? -1 : nextBoundary(file, bad + 1, gz);
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (what.length() > 200) {
          what = what.substring(0, 200) + "...";
        }
        skipped.accept(new Skipped(file + "@" + Math.max(bad, 0), "corrupt WARC record at byte " + Math.max(bad, 0)
            + " (" + what + "); " + (next < 0 ? "no further record in the file"
            : "reading resumed at the next record, byte " + next)));
        offset = next;
      }
    }
    progress.accept(size);
    if (pages == 0) {
      skipped.accept(new Skipped(file.toString(), "WARC file holds no HTML pages (" + records + " records read)"));
    }
  }

  /** The page of a record, or null when the record is not a successful HTML capture. */
  private Document page(WarcRecord r, Path file, String base, Consumer<Skipped> skipped) throws IOException {
    if (!(r instanceof WarcResponse || r instanceof WarcResource)) {
      return null;
    }
    WarcTargetRecord t = (WarcTargetRecord) r;
    String where = file + "@" + r.position();
    byte[] body;
    String charset;
    if (r instanceof WarcResponse response) {
      if (!response.contentType().base().equals(MediaType.HTTP)) {
        return null;
      }
      HttpResponse http;
      try {
        http = response.http();
      } catch (IOException | RuntimeException e) {
        skipped.accept(new Skipped(where, "WARC response for " + t.target() + " has an unreadable HTTP header: "
            + e.getMessage()));
        return null;
      }
      if (http.status() < 200 || http.status() >= 300 || !isHtml(http.contentType())) {
        return null;
      }
      charset = http.contentType().parameters().get("charset");
      body = readAtMost(http.bodyDecoded().stream(), where, t.target(), skipped);
    } else {
      if (!isHtml(r.contentType())) {
        return null;
      }
      charset = r.contentType().parameters().get("charset");
      body = readAtMost(r.body().stream(), where, t.target(), skipped);
    }
    if (body == null) {
      return null;
    }
    if (body.length == 0) {
      skipped.accept(new Skipped(where, "WARC record for " + t.target() + " has an empty page"));
      return null;
    }
    TextDecoder.Decoded text;
    try {
      text = TextDecoder.decodeHtml(body, charset);
    } catch (BadInputException e) {
      skipped.accept(new Skipped(where, "WARC record for " + t.target() + ": " + e.getMessage()));
      return null;
    }
    String id = r.id().toString().replaceFirst("(?i)^urn:uuid:", "");
    if (id.isBlank()) {
      id = base + "-" + r.position();
    }
    String crawled = r.date() == null ? null : r.date().toString().substring(0, 10);
    return new Document(id, where, Document.Format.HTML, text.text(), null, null, t.target(), null, text.note(),
        crawled);
  }

  private static boolean isHtml(MediaType type) {
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private byte[] readAtMost(InputStream in, String where, String target, Consumer<Skipped> skipped)
      throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes + 1));
    if (b.length > maxRecordBytes) {
      skipped.accept(new Skipped(where, "WARC record for " + target + " is larger than the "
          + (maxRecordBytes >> 20) + " MB page limit"));
      return null;
    }
    return b;
  }

  /**
   * The offset of the first record boundary at or after {@code from}, or -1: a gzip member header for WARC.gz, a
   * {@code WARC/1.} line for plain WARC. A heuristic: a payload that happens to hold the pattern costs one more
   * report, never a lost record after it.
   */
  static long nextBoundary(Path file, long from, boolean gz) throws IOException {
    // Plain WARC: a record starts a line, so look for "\nWARC/1." and answer the offset after the newline.
    byte[] pattern = gz ? new byte[] {0x1f, (byte) 0x8b, 0x08} : NEWLINE_WARC;
    int lead = gz ? 0 : 1;
    long start = Math.max(0, from - lead);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (!gz && from == 0) {
        ByteBuffer head = ByteBuffer.allocate(WARC_MAGIC.length);
        ch.read(head, 0);
        if (java.util.Arrays.equals(head.array(), WARC_MAGIC)) {
          return 0;
        }
      }
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      while (true) {
        buf.clear();
        int n = ch.read(buf, start);
        if (n < pattern.length) {
          return -1;
        }
        byte[] a = buf.array();
        for (int i = 0; i + pattern.length <= n; i++) {
          if (a[i] == pattern[0] && java.util.Arrays.equals(a, i, i + pattern.length, pattern, 0, pattern.length)) {
            return start + i + lead;
          }
        }
        start += n - pattern.length + 1; // overlap so a boundary split between two reads is still found
      }
    }
  }
}
