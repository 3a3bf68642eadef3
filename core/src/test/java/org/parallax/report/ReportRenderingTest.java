package org.parallax.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Report;
import org.parallax.testing.TestModels;

class ReportRenderingTest {
  private static Report hostile;
  private static Report examples;

  @BeforeAll
  static void analyse(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("evil.html"), """
        <html><head><title>Port <script>alert(1)</script> strike</title>
        <meta property="og:site_name" content="Evil &lt;img src=x onerror=alert(2)&gt; News"></head><body><article>
        <p>Dockworkers at the port began a strike on Monday, the union said in a statement to reporters.</p>
        <p>The text mentions &lt;script&gt;alert(3)&lt;/script&gt; and <a href="javascript:alert(4)">a link</a>
        and an attribute breaker " onerror="alert(5) in the middle of a long sentence about the strike.</p>
        <p>“We will stay out until the company listens to us,” said Maria Okafor, the union leader.</p>
        </article></body></html>""");
    hostile = TestModels.parallax().analyze(List.of(dir.resolve("evil.html")));
    examples = TestModels.parallax().analyze(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
  }

  @Test
  void htmlEscapesEveryPieceOfArticleText() {
    String html = new HtmlReport().render(hostile);
    assertFalse(html.contains("<script"), "no script element may come from article text");
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("onerror=\""), html);
    assertFalse(html.contains("href=\"javascript"), html);
    assertTrue(html.contains("&lt;script&gt;alert(3)"), "the text is shown, escaped");
    assertTrue(html.contains("Content-Security-Policy"));
  }

  @Test
  void htmlReportHasEverySection() {
    String html = new HtmlReport().render(examples);
    for (String id : List.of("summary", "claims", "conflicts", "quotes", "framing", "reuse", "articles")) {
      assertTrue(html.contains("id=\"" + id + "\""), "section " + id);
    }
    assertTrue(html.contains("<svg"), "framing chart");
    assertTrue(html.contains("class=\"cell conflict\""), "a conflict cell in the matrix");
  }

  @Test
  void jsonHasTheContractFields() throws IOException {
    JsonNode root = JsonReport.mapper().readTree(JsonReport.toJson(examples));
    JsonNode a = root.get("articles").get(0);
    for (String f : List.of("id", "path", "outlet", "title", "date", "language", "body", "removed",
        "loadedLanguage")) {
      assertTrue(a.has(f), "articles[]." + f);
    }
    JsonNode ll = a.get("loadedLanguage");
    assertTrue(ll.has("score") && ll.has("terms") && ll.has("spans"));
    for (String f : List.of("article", "text", "speaker", "role", "side")) {
      assertTrue(root.get("quotes").get(0).has(f), "quotes[]." + f);
    }
    JsonNode claim = root.get("claims").get(0);
    for (String f : List.of("text", "status", "articles", "evidence")) {
      assertTrue(claim.has(f), "claims[]." + f);
    }
    assertTrue(claim.get("evidence").get(0).has("article") && claim.get("evidence").get(0).has("sentence"));
    JsonNode conflict = root.get("conflicts").get(0);
    assertTrue(conflict.has("topic") && conflict.has("reason") && conflict.get("statements").get(0).has("sentence"));
    JsonNode reuse = root.get("reuse").get(0);
    for (String f : List.of("a", "b", "similarity", "passages")) {
      assertTrue(reuse.has(f), "reuse[]." + f);
    }
    assertTrue(root.get("summary").get(0).has("sentence") && root.get("summary").get(0).has("articles"));
    assertTrue(root.has("skipped"));
    // Loaded-language spans index into the body.
    for (JsonNode art : root.get("articles")) {
      for (JsonNode s : art.get("loadedLanguage").get("spans")) {
        assertTrue(art.get("body").asText().substring(s.get("start").asInt(), s.get("end").asInt())
            .equals(s.get("text").asText()));
      }
    }
  }
}
