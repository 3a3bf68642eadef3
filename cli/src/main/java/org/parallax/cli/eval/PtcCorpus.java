package org.parallax.cli.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PTC articles (SemEval-2020 task 11) with their loaded-language and name-calling spans, and our split of them
 * ({@code eval/ptc/split.tsv}: ids only, the rule in the README beside it).
 */
public final class PtcCorpus {
  /** A gold span; technique is "loaded" (Loaded_Language) or "name-calling" (Name_Calling,Labeling). */
  public record Gold(int start, int end, String technique) {}

  public record Article(String id, Path file, String text, List<Gold> gold) {}

  private PtcCorpus() {}

  /** Ids by split, in file order; "all" is every id. */
  public static Map<String, String> split(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] p = line.split("\t");
      if (p.length == 2) {
        out.put(p[0], p[1]);
      }
    }
    return out;
  }

  /** The articles of {@code split} ("all" for every one) that have a labels file; null when data is missing. */
  public static List<Article> read(Path data, Path splitFile, String split) throws IOException {
    Path articles = data.resolve("articles");
    Path labels = data.resolve("labels-technique");
    if (!Files.isDirectory(articles) || !Files.isDirectory(labels)) {
      return null;
    }
    Map<String, String> ids = split(splitFile);
    List<Article> out = new ArrayList<>();
    for (Map.Entry<String, String> e : ids.entrySet()) {
      if (!split.equals("all") && !split.equals(e.getValue())) {
        continue;
      }
      Path f = articles.resolve("article" + e.getKey() + ".txt");
      Path lab = labels.resolve("article" + e.getKey() + ".task2-TC.labels");
      if (!Files.exists(f) || !Files.exists(lab)) {
        continue;
      }
      out.add(new Article(e.getKey(), f, Files.readString(f, StandardCharsets.UTF_8), gold(lab)));
    }
    return out;
  }

  private static List<Gold> gold(Path lab) throws IOException {
    List<Gold> gold = new ArrayList<>();
    for (String line : Files.readAllLines(lab, StandardCharsets.UTF_8)) {
      String[] p = line.split("\t");
      if (p.length >= 4 && (p[1].equals("Loaded_Language") || p[1].startsWith("Name_Calling"))) {
        gold.add(new Gold(Integer.parseInt(p[2]), Integer.parseInt(p[3]),
            p[1].equals("Loaded_Language") ? "loaded" : "name-calling"));
      }
    }
    return gold;
  }
}
