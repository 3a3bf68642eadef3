package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;

class CorpusCommandsTest {
  @TempDir
  Path dir;

  @Test
  void ingestIsIdempotentSearchFindsAndExportRoundTrips() throws Exception {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    String store = dir.resolve("store").toString();
    CliRun first = CliRun.of("ingest", examples, "--store", store);
    assertEquals(ExitCodes.OK, first.code(), first.err());
    assertTrue(first.err().contains("5 added"), first.err());
    CliRun again = CliRun.of("ingest", examples, "--store", store);
    assertTrue(again.err().contains("0 added, 5 already stored"), again.err());
    CliRun hits = CliRun.of("search", "strike", "--store", store, "--outlet", "WireNow");
    assertTrue(hits.out().contains("wirenow-eastbridge") && hits.out().contains("1 hits"), hits.out());
    Path export = dir.resolve("all.jsonl");
    assertEquals(ExitCodes.OK, CliRun.of("export", "--articles", export.toString(), "--store", store).code());
    assertEquals(5, Files.readAllLines(export).size());
    CliRun reimport = CliRun.of("ingest", export.toString(), "--store", dir.resolve("copy").toString());
    assertTrue(reimport.err().contains("5 added"), reimport.err());
  }

  /**
   * A record's topic reaches the outlet profile: the example story's five articles, exported and given topics (three
   * "labor", two "ports"), make one shared story of topic "labor" that WireNow covers; a store without topics says so.
   */
  @Test
  void outletsShowSharedStoriesByTopicWhenTheInputHasTopics() throws Exception {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    String plain = dir.resolve("plain").toString();
    assertEquals(ExitCodes.OK, CliRun.of("ingest", examples, "--store", plain, "--fast").code());
    CliRun unknown = CliRun.of("outlets", "--store", plain, "--outlet", "WireNow");
    assertTrue(unknown.out().contains("left out by topic: unknown"), unknown.out());
    Path export = dir.resolve("all.jsonl");
    assertEquals(ExitCodes.OK, CliRun.of("export", "--articles", export.toString(), "--store", plain).code());
    ObjectMapper json = new ObjectMapper();
    StringBuilder withTopics = new StringBuilder();
    int i = 0;
    for (String line : Files.readAllLines(export)) {
      com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
          json.readTree(line);
      n.put("topic", i++ < 3 ? "Labor" : "ports");
      withTopics.append(json.writeValueAsString(n)).append('\n');
    }
    Files.writeString(export, withTopics);
    String topical = dir.resolve("topical").toString();
    assertEquals(ExitCodes.OK, CliRun.of("ingest", export.toString(), "--store", topical, "--fast").code());
    CliRun known = CliRun.of("outlets", "--store", topical, "--outlet", "WireNow");
    assertTrue(known.out().matches("(?s).*\\n  labor +0 / 1 .*"), known.out());
    assertTrue(!known.out().contains("ports"), "a story's topic is its articles' most frequent one");
  }

  @Test
  void ingestGroupsByDefaultWithEmbeddingsWhereNeededAndFastOnRequest() {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    CliRun byDefault = CliRun.of("ingest", examples, "--store", dir.resolve("default").toString());
    assertEquals(ExitCodes.OK, byDefault.code(), byDefault.err());
    assertTrue(byDefault.err().contains("1 new stories") && byDefault.err().contains("embedded"), byDefault.err());
    CliRun fast = CliRun.of("ingest", examples, "--store", dir.resolve("fast").toString(), "--fast");
    assertEquals(ExitCodes.OK, fast.code(), fast.err());
    assertTrue(fast.err().contains("1 new stories") && !fast.err().contains("embedded"), fast.err());
    CliRun both = CliRun.of("ingest", examples, "--store", dir.resolve("both").toString(), "--fast", "--semantic");
    assertEquals(ExitCodes.USAGE, both.code(), both.err());
  }

  @Test
  void storiesListsTheStoreAndStoryReportsOne() throws Exception {
    String examples = TestModels.repoRoot().resolve("examples/port-strike").toString();
    String store = dir.resolve("store").toString();
    assertEquals(ExitCodes.OK, CliRun.of("ingest", examples, "--store", store).code());
    CliRun list = CliRun.of("stories", "--store", store, "--json");
    assertEquals(ExitCodes.OK, list.code(), list.err());
    JsonNode stories = new ObjectMapper().readTree(list.out());
    assertEquals(1, stories.size(), list.out());
    JsonNode story = stories.get(0);
    for (String field : new String[] {"id", "label", "from", "to", "outlets", "articles"}) {
      assertTrue(story.has(field), field);
    }
    assertEquals("2025-03-10", story.get("from").asText());
    assertEquals(5, story.get("articles").size());
    assertTrue(story.get("articles").toString().contains("workers-voice"), "file name without extension");
    assertEquals(0, CliRun.of("stories", "--store", store, "--since", "2025-04-01", "--json").out().strip()
        .replace("[ ]", "[]").length() - 2, "no story after April");

    Path report = dir.resolve("story.json");
    CliRun one = CliRun.of("story", story.get("id").asText(), "--store", store, "--json", report.toString());
    assertEquals(ExitCodes.OK, one.code(), one.err());
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertEquals(5, r.get("articles").size());
    assertTrue(r.get("summary").size() > 0);

    CliRun missing = CliRun.of("story", "no-such-story", "--store", store);
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().contains("no story 'no-such-story'"), missing.err());

    Path exported = dir.resolve("stories.jsonl");
    assertEquals(ExitCodes.OK, CliRun.of("export", "--stories", exported.toString(), "--store", store).code());
    assertEquals(1, Files.readAllLines(exported).size());
  }

  @Test
  void searchWithoutAStoreSaysSo() {
    CliRun r = CliRun.of("search", "strike", "--store", dir.resolve("none").toString());
    assertEquals(ExitCodes.NOTHING_ANALYSED, r.code());
    assertTrue(r.err().contains("no store"), r.err());
  }
}
