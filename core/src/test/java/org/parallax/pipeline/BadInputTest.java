package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.ArticleReport;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.testing.TestModels;

class BadInputTest {
  @TempDir
  Path dir;

  private static String reason(Report r, String part) {
    return r.skipped().stream().filter(s -> s.path().contains(part)).map(Skipped::reason)
        .reduce((a, b) -> a + " | " + b).orElse("(none)");
  }

  @Test
  void eachBadInputIsReportedAndTheGoodOnesAreStillAnalysed() throws IOException {
    Path good = TestModels.repoRoot().resolve("examples/port-strike/workers-voice.txt");
    Files.copy(good, dir.resolve("a-good.txt"));
    Files.copy(good, dir.resolve("b-duplicate.txt"));
    Files.write(dir.resolve("c-latin.txt"), ("Ferry crossings suspended\n\nAll ferry crossings between Port Ellis "
        + "and Skerry were suspended on Sunday, the operator’s spokesman said, as “gale force” winds hit the coast.")
        .getBytes(Charset.forName("windows-1252")));
    Files.writeString(dir.resolve("d-german.txt"), "Streik im Hafen\n\nDie Hafenarbeiter in Hamburg haben am "
        + "Montag die Arbeit niedergelegt, weil die Verhandlungen über höhere Löhne gescheitert sind. Der Betreiber "
        + "sprach von einem fairen Angebot und kündigte weitere Gespräche für Donnerstag an.", StandardCharsets.UTF_8);
    Files.write(dir.resolve("e-binary.html"), new byte[] {'P', 'K', 3, 4, 0, 0, 9});
    Files.writeString(dir.resolve("f-feed.jsonl"), "{\"id\": \"ok\", \"text\": \"Dockworkers at the port went on "
        + "strike on Monday over pay, the union said.\"}\n{\"id\": \"cut\", \"text\": \"Dock", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("g-boilerplate.txt"), "Home\nNews\nSubscribe\n");

    Report r = TestModels.parallax().analyze(List.of(dir));

    List<String> ids = r.articles().stream().map(ArticleReport::id).toList();
    assertEquals(List.of("a-good", "c-latin", "d-german", "ok"), ids.stream().sorted().toList(), ids.toString());
    assertTrue(reason(r, "b-duplicate").startsWith("duplicate of a-good"), reason(r, "b-duplicate"));
    assertTrue(reason(r, "c-latin").contains("Windows-1252"), reason(r, "c-latin"));
    assertTrue(reason(r, "d-german").contains("language 'de', not English"), reason(r, "d-german"));
    assertTrue(reason(r, "e-binary").contains("ZIP"), reason(r, "e-binary"));
    assertTrue(reason(r, "f-feed.jsonl:2").contains("truncated JSON"), reason(r, "f-feed"));
    assertTrue(reason(r, "g-boilerplate").contains("no article text left"), reason(r, "g-boilerplate"));
    ArticleReport latin = r.articles().stream().filter(a -> a.id().equals("c-latin")).findFirst().orElseThrow();
    assertTrue(latin.body().contains("operator’s spokesman"), latin.body());
  }

  @Test
  void oneArticleAloneStillYieldsAReportWithoutCrossSourceSections() {
    Report r = TestModels.parallax().analyze(List.of(
        TestModels.repoRoot().resolve("examples/port-strike/free-market-herald.txt")));
    assertEquals(1, r.articles().size());
    assertTrue(r.conflicts().isEmpty());
    assertTrue(r.reuse().isEmpty());
    assertTrue(r.coverage().isEmpty());
    assertTrue(!r.quotes().isEmpty() && !r.summary().isEmpty(), r.toString());
  }
}
