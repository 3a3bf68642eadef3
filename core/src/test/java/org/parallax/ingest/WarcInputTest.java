package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.clean.ArticleCleaner;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Article;
import org.parallax.model.Skipped;

class WarcInputTest {
  @TempDir
  Path dir;

  private static final String PAGE = """
      <html><head><title>%s</title><meta property="og:site_name" content="Harbour Ledger"></head>
      <body><article><h1>%s</h1><p>Dockworkers at the Port of Eastbridge began a strike on Monday over pay.</p>
      <p>The union said more than 2,000 members joined the stoppage at the container terminal.</p></article></body>
      </html>""";

  /** One WARC record, written by hand so that tests can break exactly the part they mean to. */
  private static byte[] record(String type, String uri, String contentType, byte[] block, String lengthField) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri
        + "\r\nWARC-Date: 2025-03-11T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + UUID.nameUUIDFromBytes(uri.getBytes())
        + ">\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + (lengthField != null ? lengthField : String.valueOf(block.length)) + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] http(int status, String type, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static byte[] response(String uri, int status, String type, String body) {
    return record("response", uri, "application/http; msgtype=response", http(status, type, body), null);
  }

  private static String page(String title) {
    return PAGE.formatted(title, title);
  }

  /** A crawl as a crawler writes it, with one corrupt record in the middle (when {@code corrupt}). */
  private static List<byte[]> crawl(boolean corrupt) {
    List<byte[]> r = new ArrayList<>();
    r.add(record("warcinfo", "", "application/warc-fields", "software: test\r\n".getBytes(), null));
    r.add(record("request", "https://ledger.example/a", "application/http; msgtype=request",
        "GET /a HTTP/1.1\r\nHost: ledger.example\r\n\r\n".getBytes(), null));
    r.add(response("https://ledger.example/a", 200, "text/html; charset=utf-8", page("Strike halts port")));
    r.add(corrupt
        ? record("response", "https://ledger.example/b", "application/http; msgtype=response",
            http(200, "text/html", page("Lost page")), "12x")
        : response("https://ledger.example/b", 200, "text/html", page("Second page")));
    r.add(response("https://ledger.example/logo.png", 200, "image/png", "\u0089PNG"));
    r.add(response("https://ledger.example/old", 404, "text/html", page("Not found")));
    r.add(response("https://www.ledger.example/c", 200, "text/html", page("Third page")));
    return r;
  }

  private static byte[] gzipEach(List<byte[]> records, int corruptIndex) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < records.size(); i++) {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(one)) {
        gz.write(records.get(i));
      }
      byte[] member = one.toByteArray();
      if (i == corruptIndex) {
        for (int k = 20; k < 40; k++) {
          member[k] ^= 0x55; // damage the deflate stream, not the gzip header
        }
      }
      all.writeBytes(member);
    }
    return all.toByteArray();
  }

  private record Read(List<Document> docs, List<Skipped> skipped) {}

  private Read read(Path file) {
    List<Document> docs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    new InputReader(ParallaxConfig.defaults()).stream(List.of(file), docs::add, skipped::add);
    return new Read(docs, skipped);
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    parts.forEach(all::writeBytes);
    return all.toByteArray();
  }

  @Test
  void readsOnlySuccessfulHtmlResponsesWithUrlAndCrawlDate() throws IOException {
    Path f = dir.resolve("crawl.warc");
    Files.write(f, concat(crawl(false)));
    Read r = read(f);
    assertEquals(List.of("https://ledger.example/a", "https://ledger.example/b", "https://www.ledger.example/c"),
        r.docs().stream().map(Document::url).toList());
    assertTrue(r.skipped().isEmpty(), r.skipped().toString());
    Article a = new ArticleCleaner().clean(r.docs().get(0));
    assertEquals("Strike halts port", a.title());
    assertEquals("Harbour Ledger", a.outlet());
    assertEquals("2025-03-11", a.date(), "no date in the page: the crawl date is used");
    assertTrue(a.body().contains("2,000 members"));
  }

  @Test
  void aCorruptRecordIsReportedAndTheRecordsAfterItAreRead() throws IOException {
    Path f = dir.resolve("broken.warc");
    Files.write(f, concat(crawl(true)));
    Read r = read(f);
    assertEquals(List.of("https://ledger.example/a", "https://www.ledger.example/c"),
        r.docs().stream().map(Document::url).toList());
    assertEquals(1, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().get(0).reason().startsWith("corrupt WARC record at byte "), r.skipped().toString());
    assertTrue(r.skipped().get(0).reason().contains("reading resumed at the next record"));
  }

  @Test
  void aCorruptGzipMemberIsReportedAndTheMembersAfterItAreRead() throws IOException {
    Path f = dir.resolve("crawl.warc.gz");
    Files.write(f, gzipEach(crawl(false), 3));
    Read r = read(f);
    assertEquals(List.of("https://ledger.example/a", "https://www.ledger.example/c"),
        r.docs().stream().map(Document::url).toList());
    assertEquals(1, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().get(0).reason().startsWith("corrupt WARC record"), r.skipped().toString());
  }

  @Test
  void aWarcWithoutPagesIsReported() throws IOException {
    Path f = dir.resolve("images.warc");
    Files.write(f, response("https://ledger.example/logo.png", 200, "image/png", "\u0089PNG"));
    Read r = read(f);
    assertTrue(r.docs().isEmpty());
    assertTrue(r.skipped().get(0).reason().contains("holds no HTML pages (1 records read)"), r.skipped().toString());
  }

  @Test
  void truncatedFileKeepsTheRecordsBeforeTheCut() throws IOException {
    byte[] whole = concat(crawl(false));
    Path f = dir.resolve("cut.warc");
    Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 200));
    Read r = read(f);
    assertEquals(List.of("https://ledger.example/a", "https://ledger.example/b"),
        r.docs().stream().map(Document::url).toList());
    assertEquals(1, r.skipped().size(), r.skipped().toString());
  }
}
