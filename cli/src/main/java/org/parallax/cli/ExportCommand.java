package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax export --articles|--stories FILE.jsonl}: writes the store out as JSON Lines; the articles file is
 * one `ingest` reads back.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the corpus store out as JSON Lines.")
public final class ExportCommand implements Callable<Integer> {
  static final class What {
    @Option(names = "--articles", paramLabel = "FILE", required = true,
        description = "Every stored article, with its story and the articles it copies.")
    Path articles;

    @Option(names = "--stories", paramLabel = "FILE", required = true,
        description = "Every story: {id, label, from, to, outlets, articles}.")
    Path stories;

    @Option(names = "--reports", paramLabel = "FILE", required = true,
        description = "The cross-source report of every story with at least --min-articles articles: "
            + "{story, report} per line, the report as 'story --json' writes it (runs the full analysis).")
    Path reports;
  }

  @Option(names = "--min-articles", defaultValue = "2", description = "With --reports: smallest story reported "
      + "(default: ${DEFAULT-VALUE})")
  int minArticles;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(store)) {
      spec.commandLine().getErr().println("export: no store at " + store);
      return ExitCodes.NOTHING_ANALYSED;
    }
    ObjectMapper json = JsonMapper.builder().build();
    long[] n = {0};
    Path target = what.articles != null ? what.articles : what.stories != null ? what.stories : what.reports;
    if (what.reports != null) {
      return reports(target);
    }
    try (CorpusStore s = CorpusStore.open(store);
         BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      if (what.stories != null) {
        Map<String, java.util.List<String>> members = s.storyMembers();
        for (var info : s.stories(null)) {
          w.write(json.writeValueAsString(org.parallax.report.JsonReport.storyRow(info, members.getOrDefault(info.id(), java.util.List.of()))));
          w.newLine();
          n[0]++;
        }
      } else {
        Map<String, String> storyOf = new java.util.HashMap<>();
        s.forEachMembership(storyOf::put);
        Map<String, java.util.List<Map<String, Object>>> copiesOf = new java.util.HashMap<>();
        s.forEachCopy(c -> {
          Map<String, Object> rel = new LinkedHashMap<>();
          rel.put("source", c.source());
          rel.put("kind", c.kind());
          rel.put("similarity", c.similarity());
          rel.put("aligned", c.aligned());
          rel.put("basis", c.basis());
          copiesOf.computeIfAbsent(c.copy(), k -> new java.util.ArrayList<>()).add(rel);
        });
        s.forEach(a -> {
          Map<String, Object> rec = new LinkedHashMap<>();
          rec.put("id", a.id());
          rec.put("outlet", a.outlet());
          rec.put("url", a.url());
          rec.put("date", a.date());
          rec.put("title", a.title());
          rec.put("language", a.language());
          rec.put("story", storyOf.get(a.id()));
          rec.put("copies", copiesOf.getOrDefault(a.id(), java.util.List.of()));
          rec.put("text", a.body());
          try {
            w.write(json.writeValueAsString(rec));
            w.newLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          n[0]++;
        });
      }
    }
    spec.commandLine().getErr().println("export: " + n[0] + (what.stories != null ? " stories" : " articles")
        + " to " + target);
    return ExitCodes.OK;
  }

  /** Every story's report, story by story (each is the full pipeline over the story's articles). */
  private int reports(Path target) throws IOException {
    long start = System.nanoTime();
    long n = 0;
    long articles = 0;
    long failed = 0;
    try (CorpusStore s = CorpusStore.openReadOnly(store);
         org.parallax.pipeline.Parallax parallax = org.parallax.pipeline.Parallax.create(
             org.parallax.config.ParallaxConfig.defaults());
         BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      Map<String, java.util.List<String>> members = s.storyMembers();
      for (var info : s.stories(null)) {
        if (members.getOrDefault(info.id(), java.util.List.of()).size() < minArticles) {
          continue;
        }
        java.util.List<org.parallax.model.Article> list = s.storyArticles(info.id());
        var outcome = org.parallax.pipeline.StoryReports.of(info.id(), list,
            a -> parallax.analyzeCleaned(a, new org.parallax.pipeline.StageTimes()));
        if (outcome.failed()) {
          failed++;
          spec.commandLine().getErr().println("skipped: " + outcome.failure().path() + ": "
              + outcome.failure().reason());
          continue;
        }
        w.write(org.parallax.report.JsonReport.reportLine(info.id(), outcome.report()));
        w.newLine();
        n++;
        articles += list.size();
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    spec.commandLine().getErr().printf(java.util.Locale.ROOT, "export: %d story reports (%d articles) to %s in %.1f s "
        + "(%.0f articles/s)%s%n", n, articles, target, secs, articles / secs,
        failed > 0 ? "; " + failed + " stories failed (see skipped lines above)" : "");
    return failed > 0 ? ExitCodes.SOME_SKIPPED : ExitCodes.OK;
  }
}
