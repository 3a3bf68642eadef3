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
  private final ParallaxConfig config;

  public InputReader(ParallaxConfig config) {
    this.config = config;
  }

  public IngestResult read(List<Path> paths) {
    List<Document> docs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        skipped.add(new Skipped(p.toString(), "no such file or directory"));
      } else if (Files.isDirectory(p)) {
        readFolder(p, docs, skipped);
      } else {
        readFile(p, docs, skipped);
      }
    }
    return new IngestResult(uniqueIds(docs), skipped);
  }

  private void readFolder(Path dir, List<Document> docs, List<Skipped> skipped) {
    int before = docs.size();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      skipped.add(new Skipped(dir.toString(), "cannot list folder: " + e.getMessage()));
      return;
    }
    for (Path f : files) {
      readFile(f, docs, skipped);
    }
    if (docs.size() == before) {
      skipped.add(new Skipped(dir.toString(), "folder holds no readable articles (.txt, .html, .htm, .json, .jsonl)"));
    }
  }

  private void readFile(Path file, List<Document> docs, List<Skipped> skipped) {
    String name = file.getFileName().toString();
    String ext = extension(name);
    String where = file.toString();
    try {
      long size = Files.size(file);
      boolean lines = ext.equals("jsonl") || ext.equals("json");
      long limit = lines ? config.maxJsonlFileBytes() : config.maxFileBytes();
      if (size > limit) {
        skipped.add(new Skipped(where, "file too large: " + megabytes(size) + " exceeds the " + megabytes(limit)
            + " limit for one " + (lines ? "JSON file" : "article")));
        return;
      }
      if (size == 0) {
        skipped.add(new Skipped(where, "empty file"));
        return;
      }
      switch (ext) {
        case "txt", "text" -> docs.add(single(file, Document.Format.TEXT));
        case "html", "htm", "xhtml" -> docs.add(single(file, Document.Format.HTML));
        case "jsonl", "json" -> readJsonFile(file, docs, skipped);
        default -> skipped.add(new Skipped(where,
            "unsupported file type '." + ext + "' (expected .txt, .html, .htm, .json or .jsonl)"));
      }
    } catch (BadInputException e) {
      skipped.add(new Skipped(where, e.getMessage()));
    } catch (IOException e) {
      skipped.add(new Skipped(where, "cannot read: " + e.getMessage()));
    }
  }

  private Document single(Path file, Document.Format format) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    TextDecoder.Decoded d = format == Document.Format.HTML ? TextDecoder.decodeHtml(bytes) : TextDecoder.decode(bytes);
    if (d.text().isBlank()) {
      throw new BadInputException("file holds only whitespace");
    }
    return new Document(baseName(file), file.toString(), format, d.text(), null, null, null, null, d.note());
  }

  private void readJsonFile(Path file, List<Document> docs, List<Skipped> skipped) throws IOException {
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
      JsonNode root;
      try {
        root = JSON.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        throw new BadInputException("invalid JSON: " + e.getOriginalMessage());
      }
      int i = 0;
      for (JsonNode n : root) {
        i++;
        addRecord(n, file, "item " + i, docs, skipped);
      }
      return;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      StringBuilder pending = null;
      int pendingStart = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
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
        parseRecord(line, file, "line " + lineNo, docs, skipped);
      }
      if (pending != null) {
        parseRecord(pending.toString(), file, "line " + pendingStart, docs, skipped);
      }
    }
  }

  private static boolean looksComplete(String line) {
    String t = line.strip();
    return t.startsWith("{") && t.endsWith("}");
  }

  private void parseRecord(String json, Path file, String where, List<Document> docs, List<Skipped> skipped) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      String what = msg != null && msg.contains("end-of-input") ? "truncated JSON" : "invalid JSON";
      skipped.add(new Skipped(file + ":" + where.replace("line ", ""), where + ": " + what + " (" + msg + ")"));
      return;
    }
    addRecord(n, file, where, docs, skipped);
  }

  private void addRecord(JsonNode n, Path file, String where, List<Document> docs, List<Skipped> skipped) {
    String loc = file + ":" + where.replaceAll("^(line|item) ", "");
    if (n == null || !n.isObject()) {
      skipped.add(new Skipped(loc, where + ": not a JSON object"));
      return;
    }
    String text = str(n, "text");
    String html = str(n, "html");
    if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
      skipped.add(new Skipped(loc, where + ": no 'text' or 'html' field"));
      return;
    }
    String id = str(n, "id");
    if (id == null || id.isBlank()) {
      id = baseName(file) + "-" + where.replaceAll("\\D", "");
    }
    Document.Format format = text != null && !text.isBlank() ? Document.Format.TEXT : Document.Format.HTML;
    docs.add(new Document(id, loc, format, format == Document.Format.TEXT ? text : html, str(n, "title"),
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
