package org.parallax.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over HTTP, as a browser or a script would use it: pages, JSON API, limits and hostile input. */
class ParallaxServerTest {
  private static ParallaxServer server;
  private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    // Small limits so the tests can cross them: 64 KB bodies; analyses limited in RateLimitTest.
    server = TestCorpus.start(ServerOptions.defaults().withLimits(64 * 1024, 50, 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", type).POST(body)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String storyId() throws Exception {
    JsonNode list = json.readTree(get("/api/stories").body());
    return list.get("stories").get(0).get("id").asText();
  }

  @Test
  void bindsToLoopbackByDefault() {
    assertEquals("127.0.0.1", ServerOptions.defaults().host());
    assertEquals("127.0.0.1", server.uri().getHost());
  }

  @Test
  void storyListShowsTheExampleStoryWithItsCounts() throws Exception {
    HttpResponse<String> r = get("/");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("Eastbridge"), "the example story's label is listed");
    assertTrue(r.body().contains("class=\"story-link\""));
    JsonNode list = json.readTree(get("/api/stories").body());
    assertEquals(1, list.get("total").asInt());
    JsonNode row = list.get("stories").get(0);
    // Same keys as `parallax stories --json`, plus the counts.
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("id", "label", "from", "to", "outlets", "articles", "counts"), keys);
    assertEquals(5, row.get("articles").size());
    assertTrue(row.get("counts").get("consensus").asInt() > 0);
  }

  @Test
  void searchNarrowsTheListAndBadQueriesGet400() throws Exception {
    assertTrue(get("/?q=dockworkers").body().contains("class=\"story-link\""));
    assertFalse(get("/?q=zeppelin").body().contains("class=\"story-link\""));
    HttpResponse<String> bad = get("/?q=%22unclosed");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("cannot parse the query"), bad.body());
    assertEquals(400, get("/api/stories?limit=abc").statusCode());
    JsonNode hits = json.readTree(get("/api/search?q=strike").body());
    assertTrue(hits.size() >= 3);
    assertEquals(storyId(), hits.get(0).get("story").asText());
  }

  @Test
  void storyPageHasEverySectionAndAnEvidencePanelPerCell() throws Exception {
    String id = storyId();
    HttpResponse<String> r = get("/stories/" + id);
    assertEquals(200, r.statusCode());
    String page = r.body();
    for (String section : List.of("id=\"summary\"", "id=\"claims\"", "id=\"conflicts\"", "id=\"quotes\"",
        "id=\"framing\"", "id=\"reuse\"", "id=\"articles\"")) {
      assertTrue(page.contains(section), section);
    }
    // Every cell and claim opens a panel that exists: a cell that states the claim its own, a silent cell (and the
    // claim itself) the row's panel of what every outlet says.
    Matcher links = Pattern.compile("<td class=\"cell (\\w+)\"><a href=\"#(ev-[\\d-]+)\"").matcher(page);
    int n = 0;
    while (links.find()) {
      assertTrue(page.contains("id=\"" + links.group(2) + "\""), "panel for " + links.group(2));
      assertEquals(links.group(1).equals("silent"), links.group(2).matches("ev-\\d+"), links.group());
      n++;
    }
    assertEquals(8 * 5, n, "8 shared claims × 5 outlets in the example corpus");
    assertTrue(page.contains("<svg class=\"chart\""), "framing chart");
    assertTrue(page.contains("marker-end=\"url(#arrow)\""), "a directed reuse edge (the wire copy)");
    // The report behind the page is the same JSON the CLI writes.
    JsonNode report = json.readTree(get("/api/stories/" + id).body());
    assertEquals(5, report.get("articles").size());
    assertTrue(report.has("summary") && report.has("claims") && report.has("skipped"));
  }

  @Test
  void articlePageHighlightsAndShowsWhatWasRemoved() throws Exception {
    HttpResponse<String> r = get("/stories/" + storyId() + "/articles/free-market-herald");
    assertEquals(200, r.statusCode());
    String page = r.body();
    assertTrue(page.contains("<mark class=\"quote"), "quotes marked");
    assertTrue(page.contains("<mark class=\"loaded\" title=\"name-calling\">radical</mark>")
        || page.contains(">radical</mark>"), "loaded term marked");
    assertTrue(page.contains("<mark class=\"claim"), "claims marked");
    Matcher removed = Pattern.compile("Removed by the cleaner \\((\\d+)\\)").matcher(page);
    assertTrue(removed.find());
    assertTrue(Integer.parseInt(removed.group(1)) > 0, "the store keeps the removed noise");
    assertTrue(page.contains("breadcrumb"), "with the reason for each removal");
  }

  @Test
  void unknownThingsAre404InTheRightFormat() throws Exception {
    HttpResponse<String> page = get("/stories/no-such-story");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("No story &#39;no-such-story&#39;"));
    HttpResponse<String> api = get("/api/stories/no-such-story");
    assertEquals(404, api.statusCode());
    assertEquals(404, json.readTree(api.body()).get("status").asInt());
    assertEquals(404, get("/stories/" + storyId() + "/articles/nobody").statusCode());
    assertEquals(404, get("/analyses/0123456789abcdef01234567").statusCode());
    HttpResponse<String> unknown = get("/no/such/page");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("class=\"problem\""), "our page, not the container's");
    assertEquals(404, json.readTree(get("/api/nothing").body()).get("status").asInt());
  }

  @Test
  void noPathTraversalThroughAnyParameter() throws Exception {
    for (String path : List.of("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/stories/..%2F..%2F..%2Fetc%2Fpasswd", "/stories/x/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/analyses/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fpom.xml", "/static/app.css/../../openapi.json",
        "/api/stories/..%2F..%2F..%2Fetc%2Fpasswd")) {
      HttpResponse<String> r = get(path);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " -> " + r.statusCode());
      assertFalse(r.body().contains("root:x:0:0"), path);
      assertFalse(r.body().contains("<modelVersion>"), path);
    }
    // An upload's file name never picks where it is written.
    assertEquals("passwd", AdHocAnalyses.safeName("../../etc/passwd"));
    assertEquals("evil.txt", AdHocAnalyses.safeName("..\\..\\evil.txt"));
    assertEquals("upload.txt", AdHocAnalyses.safeName(".."));
    assertEquals("a-b.html", AdHocAnalyses.safeName("a b.html"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/stories/" + storyId(), "/api/stories", "/static/app.css", "/nothing",
        "/api/openapi.json")) {
      HttpResponse<String> r = get(path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), path + ": " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }
  }

  @Test
  void hostileArticleTextIsEscapedEverywhere() throws Exception {
    String body = new String(TestCorpus.fixture("hostile-articles.json"), StandardCharsets.UTF_8);
    HttpResponse<String> api = post("/api/analyze", "application/json", HttpRequest.BodyPublishers.ofString(body));
    assertEquals(200, api.statusCode(), api.body());
    JsonNode report = json.readTree(api.body());
    assertEquals(2, report.get("articles").size());
    assertTrue(report.get("articles").get(0).get("body").asText().contains("<script>"),
        "the JSON keeps the text as written (JSON is not HTML)");
    // The same articles through the HTML form: every page built from them must show the markup as text.
    String boundary = "----parallaxtest";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../hostile.json\""
        + "\r\nContent-Type: application/json\r\n\r\n" + body + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> form = post("/analyze", "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofString(multipart));
    assertEquals(303, form.statusCode(), form.body());
    String location = form.headers().firstValue("Location").orElseThrow();
    List<String> pages = new ArrayList<>(List.of(location, location + "/articles/valley-post",
        location + "/articles/river-times"));
    for (String p : pages) {
      HttpResponse<String> r = get(p);
      assertEquals(200, r.statusCode(), p);
      String html = r.body();
      assertNoLiveMarkup(p, r.body());
    }
    String article = get(location + "/articles/valley-post").body();
    assertTrue(article.contains("&lt;script&gt;window.__pwned"), "shown as text");
    assertTrue(article.contains("not a web link, not made clickable"), "the javascript: URL is not a link");
    // The client's file name, not the server's temporary path, names the input.
    String report2 = get(location).body();
    assertFalse(report2.contains("parallax-upload-"), "no server path leaks into the page");
  }

  @Test
  void aTranslationsArticlePageNamesTheOutletItWasTranslatedFrom() throws Exception {
    String boundary = "----t";
    String first = "Dam inspection finds cracks\n\nEngineers found three new cracks in the spillway of the Millbrook "
        + "dam on Tuesday, the regional water board said.\n\nTranslated from RBC.RU\n";
    String second = "Cracks in Millbrook dam\n\nThree new cracks were found in the Millbrook dam spillway on Tuesday, "
        + "according to the regional water board.\n";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"one.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + first + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"two.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + second + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> form = post("/analyze", "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofString(multipart));
    assertEquals(303, form.statusCode(), form.body());
    String location = form.headers().firstValue("Location").orElseThrow();
    String page = get(location + "/articles/one").body();
    assertTrue(page.contains("original source: RBC"), page);
    assertFalse(get(location + "/articles/two").body().contains("original source"));
  }

  /** Parses the page as a browser would: the only script is ours, no handler attributes, no script links. */
  static void assertNoLiveMarkup(String page, String html) {
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(html);
    for (org.jsoup.nodes.Element e : d.getAllElements()) {
      if (e.normalName().equals("script")) {
        assertEquals("/static/app.js", e.attr("src"), page + ": unexpected script " + e);
        assertTrue(e.data().isBlank(), page + ": inline script");
      }
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase().startsWith("on"), page + ": handler attribute on " + e.normalName());
        if (a.getKey().equalsIgnoreCase("href") || a.getKey().equalsIgnoreCase("src")) {
          assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:"), page + ": " + a);
        }
      }
      assertFalse(e.normalName().equals("iframe") || e.normalName().equals("object"), page);
    }
  }

  @Test
  void oversizedBodiesGet413WithAClearMessage() throws Exception {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    // Repeated: the 413 must arrive every time, not be lost to a connection reset while the client still sends.
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = post("/api/analyze", "text/plain", HttpRequest.BodyPublishers.ofByteArray(big));
      assertEquals(413, r.statusCode());
      assertTrue(r.body().contains("the limit is 64 KB"), r.body());
    }
    // Without a Content-Length (chunked), the limit holds as the body is read.
    HttpResponse<String> chunked = post("/api/analyze", "text/plain",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    assertEquals(413, chunked.statusCode(), chunked.body());
    String boundary = "----b";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + new String(big, StandardCharsets.US_ASCII) + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri().resolve("/analyze"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
            multipart.getBytes(StandardCharsets.US_ASCII)))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, form.statusCode(), form.body());
    assertTrue(form.body().contains("too large"), form.body());
  }

  @Test
  void uploadsThatCannotBeAnalysedSayWhichAndWhy() throws Exception {
    String boundary = "----c";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 binary\u0000\u0001\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = post("/api/analyze", "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofString(multipart));
    assertEquals(422, r.statusCode(), r.body());
    JsonNode skipped = json.readTree(r.body()).get("skipped");
    assertEquals("scan.pdf", skipped.get(0).get("path").asText());
    assertFalse(skipped.get(0).get("reason").asText().isBlank());
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    JsonNode doc = json.readTree(get("/api/openapi.json").body());
    assertEquals("3.1.0", doc.get("openapi").asText());
    List<String> documented = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    assertEquals(List.of("/api/stories", "/api/stories/{id}", "/api/search", "/api/analyze", "/api/outlets",
        "/api/outlets/{name}", "/api/openapi.json"), documented);
    String id = storyId();
    for (String p : documented) {
      Iterator<String> methods = doc.get("paths").get(p).fieldNames();
      while (methods.hasNext()) {
        String m = methods.next();
        if (m.equals("get")) {
          HttpResponse<String> r = get(p.replace("{id}", id).replace("{name}", "WireNow")
              + (p.equals("/api/search") ? "?q=strike" : ""));
          assertEquals(200, r.statusCode(), p);
          assertNotNull(json.readTree(r.body()), p);
        }
      }
    }
  }

  @Test
  void outletPagesAnswerBadRequestsClearlyAndEscapeWhatTheyEcho() throws Exception {
    assertEquals(200, get("/outlets?min=1").statusCode());
    HttpResponse<String> page = get("/outlets/WireNow");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<svg class=\"chart\""), "the trends are drawn on the server");
    assertTrue(page.body().contains("<section id=\"topics\"") && page.body().contains("Topics unknown"),
        "input without topics: coverage by topic is said to be unknown");
    assertEquals(404, get("/outlets/No%20Such%20Outlet").statusCode());
    HttpResponse<String> hostile = get("/outlets/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assertEquals(404, hostile.statusCode());
    assertFalse(hostile.body().contains("<script>alert(1)"), "the name is shown escaped");
    assertEquals(400, get("/outlets?from=last-year").statusCode());
    assertEquals(400, get("/outlets/compare?outlet=WireNow").statusCode());
    assertEquals(400, get("/api/outlets?to=2025-3").statusCode());
    assertEquals(404, get("/articles/no-such-article").statusCode());
    JsonNode rows = json.readTree(get("/api/outlets").body()).get("outlets");
    int total = 0;
    for (JsonNode r : rows) {
      total += r.get("articles").asInt();
    }
    assertTrue(rows.size() >= 3, rows.toString());
    JsonNode one = json.readTree(get("/api/outlets/WireNow").body()).get("profile");
    assertEquals(one.get("articles").asInt(), one.get("articleIds").size());
    assertFalse(one.get("topics").get("known").asBoolean(), one.get("topics").toString());
    assertTrue(one.get("topics").get("rows").isEmpty());
    assertTrue(total >= one.get("articles").asInt());
  }
}
