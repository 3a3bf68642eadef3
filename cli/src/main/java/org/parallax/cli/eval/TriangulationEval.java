package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parallax.cli.ExitCodes;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.IngestResult;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Report;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared part of {@code eval claims} and {@code eval conflicts}: reads our gold stories, runs {@code analyze} on each
 * story's three articles, and places every evidence sentence of the report in the raw text, where it is compared
 * with the gold spans. A sentence matches a gold span when it covers at least half of it.
 */
abstract class TriangulationEval implements Callable<Integer> {
  @Mixin
  TriangulationStories stories;

  @Option(names = "--config", description = "Pipeline configuration (JSON) to measure instead of the defaults.")
  Path config;

  @Option(names = "--show", description = "Print the wrong and missed items with their sentences (for reading).")
  boolean show;

  @Spec
  CommandSpec spec;

  /** A located evidence sentence: article number in the story, raw span (null when not found). */
  record Placed(int article, int[] span, String text) {
    boolean matches(TriangulationGold.GoldSpan g) {
      return span != null && g.within(article, span[0], span[1]);
    }
  }

  @Override
  public final Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<TriangulationGold.Story> stories = this.stories.read(spec);
    if (stories == null) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    ParallaxConfig cfg = org.parallax.cli.AnalyzeCommand.loadConfig(config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    List<Report> reports = new ArrayList<>();
    try (Parallax parallax = Parallax.create(cfg)) {
      for (TriangulationGold.Story s : stories) {
        reports.add(parallax.analyze(new IngestResult(s.articles(), List.of()), new StageTimes()));
      }
    }
    out.printf(Locale.ROOT, "%d annotated stories (%s split), %d articles%n", stories.size(),
        this.stories.split, stories.size() * 3);
    score(stories, reports, out);
    return ExitCodes.OK;
  }

  abstract void score(List<TriangulationGold.Story> stories, List<Report> reports, PrintWriter out);

  static List<Placed> place(TriangulationGold.Story s, List<Evidence> evidence) {
    List<Placed> out = new ArrayList<>();
    for (Evidence e : evidence) {
      int k = indexOf(s, e.article());
      out.add(new Placed(k, k < 0 ? null : TriangulationGold.locate(s.texts().get(k), e.sentence()), e.sentence()));
    }
    return out;
  }

  static int indexOf(TriangulationGold.Story s, String article) {
    for (int k = 0; k < s.articles().size(); k++) {
      if (s.articles().get(k).id().equals(article)) {
        return k;
      }
    }
    return -1;
  }

  /** The gold item that every placed sentence states (one per article), or null. */
  static TriangulationGold.Item coveringAll(List<Placed> placed, List<TriangulationGold.Item> items) {
    for (TriangulationGold.Item g : items) {
      boolean all = true;
      for (Placed p : placed) {
        all &= g.spans().stream().anyMatch(p::matches);
      }
      if (all) {
        return g;
      }
    }
    return null;
  }

  /** Articles in which some placed sentence states the gold item. */
  static Set<Integer> articlesStating(List<Placed> placed, TriangulationGold.Item g) {
    Set<Integer> out = new HashSet<>();
    for (Placed p : placed) {
      if (g.spans().stream().anyMatch(p::matches)) {
        out.add(p.article());
      }
    }
    return out;
  }

  static String spanText(TriangulationGold.Story s, TriangulationGold.GoldSpan g) {
    return "[" + g.article() + "] " + s.texts().get(g.article()).substring(g.start(), g.end());
  }

  static List<ClaimGroup> multiOutlet(Report r) {
    return r.claims().stream().filter(g -> g.articles().size() >= 2).toList();
  }

  static List<Conflict> shown(Report r) {
    return r.conflicts().stream().filter(Conflict::shown).toList();
  }
}
