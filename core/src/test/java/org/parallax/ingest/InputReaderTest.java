package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;

class InputReaderTest {
  @TempDir
  Path dir;

  private final InputReader reader = new InputReader(ParallaxConfig.defaults());

  private static String reasonFor(IngestResult r, String pathPart) {
    return r.skipped().stream().filter(s -> s.path().contains(pathPart)).map(Skipped::reason).findFirst()
        .orElse("(not skipped)");
  }

  @Test
  void jsonLinesKeepGoodRecordsAndReportEachBadLine() throws IOException {
    Path f = dir.resolve("feed.jsonl");
    Files.writeString(f, """
        {"id": "a1", "outlet": "Wire", "title": "T", "date": "2025-03-10", "text": "First article text."}
        {"id": "a2", "outlet": "Wire", "text": "Second article
        ["not", "an", "object"]
        {"id": "a4", "outlet": "Wire"}
        {"id": "a5", "html": "<p>Fifth</p>", "topic": "elections"}
        """, StandardCharsets.UTF_8);
    IngestResult r = reader.read(List.of(f));
    assertEquals(List.of("a1", "a5"), r.documents().stream().map(Document::id).toList());
    assertEquals("Wire", r.documents().get(0).outlet());
    assertEquals(Document.Format.HTML, r.documents().get(1).format());
    assertEquals("elections", r.documents().get(1).topic(), "the record's topic is kept for the outlet profiles");
    assertEquals(null, r.documents().get(0).topic());
    assertTrue(reasonFor(r, "feed.jsonl:2").startsWith("line 2: truncated JSON"), r.skipped().toString());
    assertTrue(reasonFor(r, "feed.jsonl:3").contains("not a JSON object"));
    assertTrue(reasonFor(r, "feed.jsonl:4").contains("no 'text' or 'html'"));
  }

  @Test
  void jsonArrayFilesAreRead() throws IOException {
    Path f = dir.resolve("items.json");
    Files.writeString(f, "[{\"text\": \"One.\"}, {\"text\": \"Two.\", \"id\": \"two\"}]");
    IngestResult r = reader.read(List.of(f));
    assertEquals(List.of("items-1", "two"), r.documents().stream().map(Document::id).toList());
  }

  @Test
  void badFilesAreSkippedWithSpecificReasonsAndTheRestIsRead() throws IOException {
    Files.writeString(dir.resolve("good.txt"), "A headline\n\nA paragraph of text that is long enough.");
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
    Files.writeString(dir.resolve("notes.md"), "# not an article format");
    try (RandomAccessFile big = new RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
      big.setLength(50L << 20); // a 50 MB file, sparse on disk
    }
    IngestResult r = reader.read(List.of(dir, dir.resolve("missing.txt")));
    assertEquals(List.of("good"), r.documents().stream().map(Document::id).toList());
    assertEquals("empty file", reasonFor(r, "empty.txt"));
    assertTrue(reasonFor(r, "image.txt").contains("PNG image"));
    assertTrue(reasonFor(r, "notes.md").contains("unsupported file type '.md'"));
    assertTrue(reasonFor(r, "huge.txt").startsWith("file too large: 50.0 MB"), reasonFor(r, "huge.txt"));
    assertEquals("no such file or directory", reasonFor(r, "missing.txt"));
  }

  @Test
  void aFolderWithoutArticlesIsReported() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("nothing-here"));
    Files.writeString(empty.resolve("readme.md"), "hello");
    IngestResult r = reader.read(List.of(empty));
    assertTrue(r.documents().isEmpty());
    assertTrue(reasonFor(r, "nothing-here").contains("no readable articles")
        || r.skipped().stream().anyMatch(s -> s.reason().contains("no readable articles")), r.skipped().toString());
  }

  @Test
  void gzippedJsonLinesAreStreamedAndATruncatedGzipKeepsWhatWasRead() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append("{\"id\": \"r").append(i).append("\", \"text\": \"Article number ").append(i)
          .append(" about the strike, with enough words to take some room in the file.\"}\n");
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    Files.write(dir.resolve("full.jsonl.gz"), whole);
    Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    List<Document> docs = new java.util.ArrayList<>();
    List<Skipped> skipped = new java.util.ArrayList<>();
    reader.stream(List.of(dir.resolve("full.jsonl.gz")), docs::add, skipped::add);
    assertEquals(200, docs.size());
    assertTrue(skipped.isEmpty(), skipped.toString());
    docs.clear();
    reader.stream(List.of(dir.resolve("cut.jsonl.gz")), docs::add, skipped::add);
    assertTrue(docs.size() > 10 && docs.size() < 200, "read up to the cut: " + docs.size());
    assertTrue(skipped.stream().anyMatch(s -> s.reason().startsWith("truncated gzip")), skipped.toString());
  }

  @Test
  void duplicateFileNamesGetDistinctIds() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("story.txt"), "Text one.");
    Files.writeString(b.resolve("story.txt"), "Text two.");
    IngestResult r = reader.read(List.of(dir));
    assertEquals(List.of("story", "story-2"), r.documents().stream().map(Document::id).toList());
  }
}
