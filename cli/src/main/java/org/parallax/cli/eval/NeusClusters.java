package org.parallax.cli.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parallax.ingest.Document;

/**
 * NeuS {@code *.source} files: one line per event, its articles separated by {@code [SEP]}, each
 * {@code TITLE=> … ARTICLE=> …}, in the order left, center, right.
 */
final class NeusClusters {
  private static final String[] SIDES = {"left", "center", "right"};

  private NeusClusters() {}

  /** The events of a file, each as its articles; ids are {@code PREFIX<event>-<k>}, outlets the side. */
  static List<List<Document>> read(Path source, String idPrefix, String date) throws IOException {
    List<List<Document>> events = new ArrayList<>();
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    for (int c = 0; c < lines.size(); c++) {
      String[] parts = lines.get(c).split("\\[SEP\\]");
      List<Document> event = new ArrayList<>();
      for (int k = 0; k < parts.length; k++) {
        String p = parts[k].strip();
        int a = p.indexOf("ARTICLE=>");
        String title = a < 0 ? null : p.substring(0, a).replaceFirst("^TITLE=>", "").strip();
        String text = a < 0 ? p : p.substring(a + "ARTICLE=>".length()).strip();
        event.add(new Document(idPrefix + c + "-" + k, source + ":" + (c + 1), Document.Format.TEXT, text, title,
            k < SIDES.length ? SIDES[k] : null, null, date, null));
      }
      events.add(event);
    }
    return events;
  }
}
