package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.report.JsonReport;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallax search "QUERY" [--outlet X] [--from D --to D]}: full-text search of the store (Lucene syntax). */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Full-text search of the corpus store.")
public final class SearchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "Lucene query syntax: words, \"phrases\", AND/OR/NOT.")
  String query;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--outlet", description = "Only this outlet (exact name, any case).")
  String outlet;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (YYYY-MM-DD).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
  String to;

  @Option(names = "--limit", defaultValue = "20", description = "Most hits shown (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the hits as a JSON array.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(store)) {
      spec.commandLine().getErr().println("search: no store at " + store + " (run `parallax ingest` first)");
      return ExitCodes.NOTHING_ANALYSED;
    }
    List<CorpusStore.Hit> hits;
    try (CorpusStore s = CorpusStore.open(store)) {
      hits = s.search(query, outlet, from, to, limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonReport.mapper().writeValueAsString(hits));
    } else {
      for (CorpusStore.Hit h : hits) {
        out.printf(Locale.ROOT, "%6.2f  %-10s  %-24s  %s  [%s]%n", h.score(), h.date() == null ? "" : h.date(),
            h.outlet() == null ? "" : h.outlet(), h.title(), h.id());
      }
      out.println(hits.size() + " hits");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
