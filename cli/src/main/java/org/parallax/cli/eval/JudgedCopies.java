package org.parallax.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.model.Copy;

/**
 * Copy relations scored against pairs read by people (eval/copies/judged.jsonl): for each relation Parallax gives
 * a judged pair, whether the pair is a copy at all and whether the kind is the judged one; for each judged copy
 * with a known original, whether Parallax names it; and how many judged copies Parallax does not relate.
 */
final class JudgedCopies {
  /** Relations that are copies; partial, same-event and different-event are not. */
  static final Set<String> COPY = Set.of("duplicate", "republication", "update", "rewrite");
  static final Set<String> RELATIONS = Set.of("duplicate", "republication", "update", "rewrite", "partial",
      "same-event", "different-event");

  record Judged(String a, String b, String relation, String source, String confidence, String split) {
    boolean isCopy() {
      return COPY.contains(relation);
    }
  }

  /** Counts for one predicted kind (or all): pairs, pairs judged copies, pairs judged this very kind. */
  record Tally(int pairs, int copies, int sameKind) {
    Tally plus(boolean copy, boolean same) {
      return new Tally(pairs + 1, copies + (copy ? 1 : 0), sameKind + (same ? 1 : 0));
    }

    double precision() {
      return pairs == 0 ? Double.NaN : copies / (double) pairs;
    }
  }

  record Result(Map<String, Tally> byKind, Tally all, int directed, int directedRight, int undirected,
                int judgedCopies, int missed, List<String> lines) {}

  static List<Judged> read(Path file, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Judged> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": not JSON: " + e.getMessage());
      }
      String relation = n.path("relation").asText("");
      if (!n.hasNonNull("a") || !n.hasNonNull("b") || !RELATIONS.contains(relation)) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": needs a, b and a relation among "
            + new java.util.TreeSet<>(RELATIONS));
      }
      Judged j = new Judged(n.get("a").asText(), n.get("b").asText(), relation, n.path("source").asText("unknown"),
          n.path("confidence").asText(""), n.path("split").asText(""));
      if (split == null || split.equals(j.split())) {
        out.add(j);
      }
    }
    return out;
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  static Result score(List<Judged> judged, List<Copy> found) {
    return score(judged, found, j -> null);
  }

  /** As {@link #score(List, List)}; {@code why} gives the detector's reading of a pair (null: not known). */
  static Result score(List<Judged> judged, List<Copy> found, java.util.function.Function<Judged, String> why) {
    Map<String, Copy> byPair = new HashMap<>();
    for (Copy c : found) {
      byPair.put(key(c.source(), c.copy()), c);
    }
    Map<String, Tally> byKind = new TreeMap<>();
    Tally all = new Tally(0, 0, 0);
    int directed = 0;
    int right = 0;
    int undirected = 0;
    int copies = 0;
    int missed = 0;
    List<String> lines = new ArrayList<>();
    for (Judged j : judged) {
      Copy c = byPair.get(key(j.a(), j.b()));
      if (j.isCopy()) {
        copies++;
      }
      if (c == null) {
        missed += j.isCopy() ? 1 : 0;
        String reading = why.apply(j);
        if (j.isCopy() || reading != null) {
          lines.add(String.format(Locale.ROOT, "%s %s %s judged %s (%s)%s", j.isCopy() ? "MISSED  " : "unrelated",
              j.a(), j.b(), j.relation(), j.confidence(), reading == null ? "" : ": " + reading));
        }
        continue;
      }
      boolean same = c.kind().equals(j.relation());
      byKind.merge(c.kind(), new Tally(1, j.isCopy() ? 1 : 0, same ? 1 : 0),
          (x, y) -> new Tally(x.pairs() + y.pairs(), x.copies() + y.copies(), x.sameKind() + y.sameKind()));
      all = all.plus(j.isCopy(), same);
      String way = "";
      if (j.isCopy() && !j.source().equals("unknown") && !j.source().equals("none")) {
        if (c.directed()) {
          directed++;
          boolean ok = c.source().equals(j.source());
          right += ok ? 1 : 0;
          way = ok ? ", source right (" + c.basis() + ")" : ", source WRONG (" + c.basis() + ")";
        } else {
          undirected++;
          way = ", source not told";
        }
      }
      String reading = why.apply(j);
      lines.add(String.format(Locale.ROOT, "%s %s %s found %s %.2f/%.2f, judged %s (%s)%s%s",
          j.isCopy() ? "RIGHT   " : "WRONG   ", j.a(), j.b(), c.kind(), c.similarity(), c.aligned(), j.relation(),
          j.confidence(), way, reading == null ? "" : ": " + reading));
    }
    return new Result(byKind, all, directed, right, undirected, copies, missed, lines);
  }

  static void print(Result r, PrintWriter out, boolean verbose) {
    out.println("kind            found  copies  precision  same kind");
    r.byKind().forEach((kind, t) -> row(out, kind, t));
    row(out, "all", r.all());
    out.printf(Locale.ROOT, "direction: %d of %d right (%.3f) where the judges name the original and Parallax "
        + "tells one; %d more found with the source not told%n", r.directedRight(), r.directed(),
        r.directed() == 0 ? Double.NaN : r.directedRight() / (double) r.directed(), r.undirected());
    out.printf(Locale.ROOT, "missed: %d of %d judged copies not related%n", r.missed(), r.judgedCopies());
    if (verbose) {
      r.lines().forEach(out::println);
    }
  }

  private static void row(PrintWriter out, String kind, Tally t) {
    out.printf(Locale.ROOT, "%-15s %5d  %6d  %9.3f  %9.3f%n", kind, t.pairs(), t.copies(), t.precision(),
        t.pairs() == 0 ? Double.NaN : t.sameKind() / (double) t.pairs());
  }
}
