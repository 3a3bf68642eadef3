package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.report.JsonReport;
import org.parallax.stories.StoryInfo;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parallax stories [--since DATE] [--json]}: the stories of the store, newest first. */
@Command(name = "stories", mixinStandardHelpOptions = true, description = "List the stories in the corpus store.")
public final class StoriesCommand implements Callable<Integer> {
  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--since", paramLabel = "DATE", description = "Only stories with an article on or after this ISO date.")
  String since;

  @Option(names = "--json", description = "Print a JSON array [{id, label, from, to, outlets, articles}].")
  boolean json;

  @Option(names = "--min-articles", defaultValue = "1", description = "Leave out smaller stories (default: ${DEFAULT-VALUE})")
  int minArticles;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(store)) {
      spec.commandLine().getErr().println("stories: no store at " + store + " (run 'parallax ingest' first)");
      return ExitCodes.NOTHING_ANALYSED;
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CorpusStore s = CorpusStore.open(store)) {
      Map<String, List<String>> members = s.storyMembers();
      for (StoryInfo i : s.stories(since)) {
        List<String> articles = members.getOrDefault(i.id(), List.of());
        if (articles.size() < minArticles) {
          continue;
        }
        rows.add(JsonReport.storyRow(i, articles));
      }
    }
    if (json) {
      ObjectMapper mapper = JsonMapper.builder().build();
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      for (Map<String, Object> r : rows) {
        @SuppressWarnings("unchecked")
        List<String> outlets = (List<String>) r.get("outlets");
        out.printf(Locale.ROOT, "%-14s %-10s %-10s %3d articles  %-40s %s%n", r.get("id"), orDash(r.get("from")),
            orDash(r.get("to")), ((List<?>) r.get("articles")).size(), clip(String.join(", ", outlets), 40),
            r.get("label"));
      }
      out.println(rows.size() + " stories");
    }
    out.flush();
    return rows.isEmpty() ? ExitCodes.NOTHING_ANALYSED : ExitCodes.OK;
  }

  private static String orDash(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
