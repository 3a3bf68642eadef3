package org.parallax.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.parallax.ingest.Document;

/**
 * Our hand-annotated multi-outlet stories (eval/triangulation/gold.jsonl): each line names three AllSides articles
 * of one event (matched from a NeuS roundup by title) and lists, by character offsets only, the claims two or more
 * of them share and the factual conflicts between them, annotated by careful reading after
 * {@code ../shared/annotation}. The texts are never in the repo: they are read from the AllSides file at run time.
 * Offsets count Unicode code points (the annotators' Python indices) and are turned into Java indices here.
 */
final class TriangulationGold {
  /** A character span of article {@code article} (0, 1, 2 of the story). */
  record GoldSpan(int article, int start, int end) {
    boolean within(int k, int from, int to) {
      int overlap = Math.min(end, to) - Math.max(start, from);
      return k == article && overlap > 0 && overlap >= (end - start) / 2;
    }
  }

  /** A shared claim (spans in two or more articles) or a conflict (one span per side). */
  record Item(String kind, String confidence, List<GoldSpan> spans) {
    Set<Integer> articles() {
      Set<Integer> out = new HashSet<>();
      spans.forEach(s -> out.add(s.article()));
      return out;
    }
  }

  record Story(String id, String split, List<Document> articles, List<String> texts, List<Item> claims,
               List<Item> conflicts) {}

  private TriangulationGold() {}

  static List<Story> read(Path gold, Path allsides, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      if (split.equals("all") || split.equals(n.get("split").asText())) {
        lines.add(n);
        n.get("articles").forEach(a -> wanted.add(a.asText()));
      }
    }
    Map<String, JsonNode> texts = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(allsides), 1 << 16), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int i = line.indexOf("\"id\": \"");
        String id = i < 0 ? null : line.substring(i + 7, line.indexOf('"', i + 7));
        if (id != null && wanted.contains(id)) {
          texts.put(id, json.readTree(line));
        }
      }
    }
    List<Story> out = new ArrayList<>();
    for (JsonNode n : lines) {
      List<Document> docs = new ArrayList<>();
      List<String> raw = new ArrayList<>();
      for (JsonNode a : n.get("articles")) {
        JsonNode t = texts.get(a.asText());
        if (t == null) {
          throw new IOException("article " + a.asText() + " of " + n.get("story").asText() + " is not in " + allsides);
        }
        String text = t.get("text").asText();
        raw.add(text);
        docs.add(new Document(a.asText(), "allsides:" + a.asText(), Document.Format.TEXT, text,
            t.get("title").asText(), t.get("outlet").asText(), null, t.path("date").asText(null), null));
      }
      out.add(new Story(n.get("story").asText(), n.get("split").asText(), docs, raw, items(n.get("claims"), raw),
          items(n.get("conflicts"), raw)));
    }
    return out;
  }

  private static List<Item> items(JsonNode list, List<String> raw) {
    List<Item> out = new ArrayList<>();
    for (JsonNode c : list) {
      List<GoldSpan> spans = new ArrayList<>();
      for (JsonNode s : c.get("spans")) {
        int k = s.get(0).asInt();
        String text = raw.get(k);
        spans.add(new GoldSpan(k, text.offsetByCodePoints(0, s.get(1).asInt()),
            text.offsetByCodePoints(0, s.get(2).asInt())));
      }
      out.add(new Item(c.path("kind").asText(null), c.path("confidence").asText(null), spans));
    }
    return out;
  }

  /**
   * Where a sentence of the cleaned body lies in the raw text: searched with whitespace collapsed and curly quotes
   * straightened, then by its first or last 40 characters; null when not found.
   */
  static int[] locate(String raw, String sentence) {
    StringBuilder norm = new StringBuilder(raw.length());
    List<Integer> back = new ArrayList<>(raw.length());
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = fold(raw.charAt(i));
      if (Character.isWhitespace(c)) {
        if (!space) {
          norm.append(' ');
          back.add(i);
        }
        space = true;
      } else {
        norm.append(c);
        back.add(i);
        space = false;
      }
    }
    String s = normalise(sentence);
    if (s.isEmpty()) {
      return null;
    }
    int at = norm.indexOf(s);
    if (at >= 0) {
      return new int[] {back.get(at), back.get(at + s.length() - 1) + 1};
    }
    if (s.length() > 60) {
      String head = s.substring(0, 40);
      String tail = s.substring(s.length() - 40);
      int h = norm.indexOf(head);
      int t = norm.indexOf(tail);
      if (h >= 0) {
        return new int[] {back.get(h), back.get(Math.min(norm.length() - 1, h + s.length() - 1)) + 1};
      }
      if (t >= 0) {
        return new int[] {back.get(Math.max(0, t + 40 - s.length())), back.get(t + 39) + 1};
      }
    }
    return null;
  }

  private static String normalise(String s) {
    StringBuilder b = new StringBuilder();
    boolean space = false;
    for (char c : s.strip().toCharArray()) {
      c = fold(c);
      if (Character.isWhitespace(c)) {
        if (!space) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    return b.toString();
  }

  private static char fold(char c) {
    return switch (c) {
      case '’', '‘' -> '\'';
      case '“', '”' -> '"';
      case '\u00a0' -> ' ';
      default -> c;
    };
  }
}
