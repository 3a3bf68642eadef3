package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.Document;
import org.parallax.ingest.InputReader;
import org.parallax.report.Html;
import org.parallax.testing.TestModels;

/** {@code ingest --feed}: a local site publishes the example corpus as a feed of pages; polling stores one story. */
class FeedIngestTest {
  @TempDir
  Path dir;

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves each example article as an HTML page, listed in /feed.xml. */
  private String serveExamples() throws Exception {
    List<Document> docs = new InputReader(ParallaxConfig.defaults())
        .read(List.of(TestModels.repoRoot().resolve("examples/port-strike"))).documents();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, String> pages = new HashMap<>();
    StringBuilder items = new StringBuilder();
    for (Document d : docs) {
      String html = d.format() == Document.Format.HTML ? d.content() : "<html><head><title>"
          + Html.esc(d.title() == null ? d.id() : d.title()) + "</title></head><body><article><p>"
          + Html.esc(d.content()).replace("\n\n", "</p><p>") + "</p></article></body></html>";
      pages.put("/" + d.id() + ".html", html);
      items.append("<item><title>").append(Html.esc(d.id())).append("</title><link>").append(base).append('/')
          .append(d.id()).append(".html</link><pubDate>Mon, 10 Mar 2025 12:00:00 GMT</pubDate></item>");
    }
    pages.put("/feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Port news</title>"
        + "<link>" + base + "</link><description>d</description>" + items + "</channel></rss>");
    server.createContext("/", x -> {
      String body = pages.get(x.getRequestURI().getPath());
      byte[] b = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", body == null ? "text/plain"
          : x.getRequestURI().getPath().endsWith(".xml") ? "application/rss+xml" : "text/html; charset=utf-8");
      x.sendResponseHeaders(body == null ? 404 : 200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.start();
    return base;
  }

  @Test
  void pollingAFeedStoresItsPagesAsOneStory() throws Exception {
    String base = serveExamples();
    String store = dir.resolve("store").toString();
    CliRun poll = CliRun.of("ingest", "--feed", base + "/feed.xml", "--polls", "1", "--host-delay", "PT0.01S",
        "--store", store);
    assertEquals(ExitCodes.OK, poll.code(), poll.err());
    assertTrue(poll.err().contains("poll 1: 1 feeds read, 0 unchanged, 0 failed; 5 new entries, 5 articles"),
        poll.err());
    JsonNode stories = new ObjectMapper().readTree(CliRun.of("stories", "--store", store, "--json").out());
    assertEquals(1, stories.size(), stories.toString());
    assertEquals(5, stories.get(0).get("articles").size());

    CliRun again = CliRun.of("ingest", "--feed", base + "/feed.xml", "--polls", "1", "--host-delay", "PT0.01S",
        "--store", store);
    assertEquals(ExitCodes.OK, again.code(), again.err());
    assertTrue(again.err().contains("0 new entries"), "stored pages are not fetched again: " + again.err());
  }

  @Test
  void aFeedThatCannotBeReadIsReportedWithExitCodeOne() throws Exception {
    String base = serveExamples();
    CliRun r = CliRun.of("ingest", "--feed", base + "/missing.xml", "--polls", "1", "--host-delay", "PT0.01S",
        "--store", dir.resolve("s").toString());
    assertEquals(ExitCodes.SOME_SKIPPED, r.code(), r.err());
    assertTrue(r.err().contains("feed not read: HTTP 404"), r.err());
    assertEquals(ExitCodes.USAGE, CliRun.of("ingest", "--feed", "ftp://x/feed", "--store", dir.toString()).code());
  }
}
