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

/** {@code parallax export --articles FILE.jsonl}: writes the store out as JSON Lines that `ingest` reads back. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the corpus store out as JSON Lines.")
public final class ExportCommand implements Callable<Integer> {
  static final class What {
    @Option(names = "--articles", paramLabel = "FILE", required = true, description = "Every stored article.")
    Path articles;
  }

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
    try (CorpusStore s = CorpusStore.open(store);
         BufferedWriter w = Files.newBufferedWriter(what.articles, StandardCharsets.UTF_8)) {
      s.forEach(a -> {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", a.id());
        rec.put("outlet", a.outlet());
        rec.put("url", a.url());
        rec.put("date", a.date());
        rec.put("title", a.title());
        rec.put("language", a.language());
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
    spec.commandLine().getErr().println("export: " + n[0] + " articles to " + what.articles);
    return ExitCodes.OK;
  }
}
