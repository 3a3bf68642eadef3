package org.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Article;
import org.parallax.model.Report;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallax story ID [--json F] [--html F]}: the cross-source report of one stored story. */
@Command(name = "story", mixinStandardHelpOptions = true,
    description = "The cross-source report (as 'analyze' makes it) of one story in the corpus store.")
public final class StoryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "Story id, as 'parallax stories' lists them.")
  String id;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Mixin
  ReportOptions report;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ParallaxConfig cfg = AnalyzeCommand.loadConfig(report.config, spec);
    if (cfg == null) {
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(store)) {
      spec.commandLine().getErr().println("story: no store at " + store + " (run 'parallax ingest' first)");
      return ExitCodes.NOTHING_ANALYSED;
    }
    List<Article> articles;
    try (CorpusStore s = CorpusStore.open(store)) {
      articles = s.storyArticles(id);
    }
    if (articles.isEmpty()) {
      spec.commandLine().getErr().println("story: no story '" + id + "' in " + store
          + " (see 'parallax stories --store " + store + "')");
      return ExitCodes.USAGE;
    }
    Report result;
    try (Parallax parallax = Parallax.create(cfg)) {
      result = parallax.analyzeCleaned(articles, new StageTimes());
    }
    return AnalyzeCommand.writeReport(result, report.json, report.html, spec);
  }
}
