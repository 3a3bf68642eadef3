package org.parallax.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;

/**
 * The JSON inputs of {@link InputReader}: JSON Lines (plain or gzip), a JSON array of records, or one pretty-printed
 * object. Each record becomes a {@link Document}; each bad line or item is reported with its number and the rest
 * is read. No record is held beyond the one-article limit ({@code maxFileBytes}).
 */
final class JsonRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ParallaxConfig config;
  private final UnaryOperator<InputStream> counting;

  /** Where records and problems go. */
  interface Out {
    void add(Document d);

    void skip(Skipped s);
  }

  /** {@code counting} wraps a file's stream so the reader can count its bytes for progress. */
  JsonRecords(ParallaxConfig config, UnaryOperator<InputStream> counting) {
    this.config = config;
    this.counting = counting;
  }

  /** JSON Lines from a (decompressing) stream; a stream that ends early is reported with what was read. */
  void readJsonLines(Path file, InputStream in, Out sink) throws IOException {
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

  void readJsonFile(Path file, Out sink) throws IOException {
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
    try (BoundedLineReader r = lines(counting.apply(Files.newInputStream(file)))) {
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
              + InputReader.megabytes(config.maxFileBytes()) + " (maxFileBytes), the limit for one article; left out"));
          pending = null;
          continue;
        }
        // A single pretty-printed object in a .json file spans lines: gather it whole.
        if (pending != null || (InputReader.extensionOf(file).equals("json") && !looksComplete(line))) {
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
  private void readJsonArray(Path file, Out sink) throws IOException {
    int i = 0;
    try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(counting.apply(Files.newInputStream(file)))) {
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
  private boolean tooLong(BoundedLineReader r, Path file, int lineNo, Out sink) {
    if (!r.lastCut()) {
      return false;
    }
    sink.skip(new Skipped(file + ":" + lineNo, String.format(Locale.ROOT, "line %d: JSON record of %,d characters, "
        + "over the %s limit for one article (maxFileBytes); left out", lineNo, r.lastLength(),
        InputReader.megabytes(config.maxFileBytes()))));
    return true;
  }

  private static boolean looksComplete(String line) {
    String t = line.strip();
    return t.startsWith("{") && t.endsWith("}");
  }

  private void parseRecord(String json, Path file, String where, Out sink) {
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

  private void addRecord(JsonNode n, Path file, String where, Out sink) {
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
      id = InputReader.baseName(file).replaceFirst("\\.jsonl?$", "") + "-" + where.replaceAll("\\D", "");
    }
    Document.Format format = text != null && !text.isBlank() ? Document.Format.TEXT : Document.Format.HTML;
    sink.add(new Document(id, loc, format, format == Document.Format.TEXT ? text : html, str(n, "title"),
        str(n, "outlet"), str(n, "url"), str(n, "date"), null, null, str(n, "topic")));
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

}
