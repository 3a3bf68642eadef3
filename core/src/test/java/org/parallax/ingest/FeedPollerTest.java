package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parallax.model.Skipped;

/** The poller against a local server that is slow, fails, serves malformed XML and answers conditionally. */
class FeedPollerTest {
  private static final Duration HOST_DELAY = Duration.ofMillis(60);
  private HttpServer server;
  private String base;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> requestTimes = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  private static final String PAGE = "<html><head><title>%s</title></head><body><article><h1>%s</h1>"
      + "<p>Dockworkers at the Port of Eastbridge began a strike on Monday over pay and conditions.</p>"
      + "</article></body></html>";

  private String feed() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Ledger</title><link>%1$s/</link><description>d</description>
        <item><title>Strike</title><link>%1$s/news/strike.html</link><pubDate>Mon, 10 Mar 2025 14:05:00 GMT</pubDate>
          <description>Teaser.</description></item>
        <item><title>Talks</title><link>%1$s/news/talks.html</link><description>Teaser two.</description></item>
        <item><title>Members only</title><link>%1$s/private/memo.html</link>
          <description>The feed's own summary of the memo.</description></item>
        <item><title>Gone</title><link>%1$s/news/gone.html</link></item>
        </channel></rss>
        """.formatted(base);
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    requests.add(path);
    requestTimes.add(System.nanoTime());
    int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    switch (path) {
      case "/robots.txt" -> send(x, 200, "text/plain", "User-agent: *\nDisallow: /private/\n", null);
      case "/feed.xml" -> {
        if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
          send(x, 304, null, "", "\"v1\"");
        } else {
          send(x, 200, "application/rss+xml", feed(), "\"v1\"");
        }
      }
      case "/news/strike.html", "/news/talks.html" ->
          send(x, 200, "text/html; charset=utf-8", PAGE.formatted(path, path), null);
      case "/slow.xml" -> {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(x, 200, "application/rss+xml", feed(), null);
      }
      case "/error.xml" -> send(x, 500, "text/plain", "boom", null);
      case "/flaky.xml" -> {
        if (n == 1) {
          send(x, 503, "text/plain", "busy", null);
        } else {
          send(x, 200, "application/rss+xml", feed(), null);
        }
      }
      case "/malformed.xml" -> send(x, 200, "application/rss+xml", "<rss><channel><item><title>cut", null);
      default -> send(x, 404, "text/plain", "not here", null);
    }
  }

  private static void send(HttpExchange x, int status, String type, String body, String etag) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      x.getResponseHeaders().set("Content-Type", type);
    }
    if (etag != null) {
      x.getResponseHeaders().set("ETag", etag);
    }
    x.sendResponseHeaders(status, status == 304 || b.length == 0 ? -1 : b.length);
    if (b.length > 0 && status != 304) {
      x.getResponseBody().write(b);
    }
    x.close();
  }

  private static PoliteFetcher fetcher() {
    PoliteFetcher.Settings d = PoliteFetcher.Settings.defaults();
    return new PoliteFetcher(new PoliteFetcher.Settings(d.userAgent(), d.robotName(), HOST_DELAY,
        d.maxCrawlDelay(), Duration.ofMillis(500), 2, Duration.ofMillis(50), d.maxBytes()));
  }

  /** Collects what a poller produces. */
  private static final class Collected implements FeedPoller.Listener {
    final List<Document> docs = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    final List<FeedPoller.Poll> polls = new ArrayList<>();

    @Override
    public void article(Document d) {
      docs.add(d);
    }

    @Override
    public void skipped(Skipped s) {
      skipped.add(s);
    }

    @Override
    public void pollDone(FeedPoller.Poll p) {
      polls.add(p);
    }

    String reasonFor(String part) {
      return skipped.stream().filter(s -> s.path().contains(part)).map(Skipped::reason).findFirst()
          .orElse("(not reported)");
    }
  }

  @Test
  void fetchesPagesObeysRobotsAndAsksConditionallyOnTheNextPoll() throws InterruptedException {
    Collected c = new Collected();
    Set<String> stored = new HashSet<>();
    new FeedPoller(fetcher(), stored::contains).run(List.of(URI.create(base + "/feed.xml")), 2, Duration.ZERO, c);

    assertEquals(List.of(base + "/news/strike.html", base + "/news/talks.html", base + "/private/memo.html"),
        c.docs.stream().map(Document::url).toList());
    assertEquals(Document.Format.HTML, c.docs.get(0).format());
    assertTrue(c.docs.get(0).content().contains("Port of Eastbridge"), "the page, not the teaser");
    assertEquals("2025-03-10", c.docs.get(0).date());
    assertEquals("The feed's own summary of the memo.", c.docs.get(2).content(),
        "robots.txt forbids the page: the feed's text is used");
    assertTrue(c.reasonFor("memo").contains("robots.txt"), c.skipped.toString());
    assertTrue(c.reasonFor("gone").contains("HTTP 404"), c.skipped.toString());
    assertTrue(!requests.contains("/private/memo.html"), "a disallowed page is never requested");
    assertEquals(1, hits.get("/robots.txt").get(), "robots.txt is read once per host");

    assertEquals(2, c.polls.size());
    assertEquals(1, c.polls.get(1).feedsUnchanged(), "the second poll got a 304");
    assertEquals(0, c.polls.get(1).entries());
    assertEquals(1, hits.get("/news/strike.html").get(), "pages are not fetched twice");

    List<Long> t = new ArrayList<>(requestTimes);
    for (int i = 1; i < t.size(); i++) {
      long gapMs = (t.get(i) - t.get(i - 1)) / 1_000_000;
      assertTrue(gapMs >= HOST_DELAY.toMillis() - 5, "requests " + (i - 1) + " and " + i + " only " + gapMs
          + " ms apart: " + requests);
    }
  }

  @Test
  void slowFailingAndMalformedFeedsAreReportedAndTheOthersRead() throws InterruptedException {
    Collected c = new Collected();
    new FeedPoller(fetcher(), url -> false).run(List.of(URI.create(base + "/slow.xml"),
        URI.create(base + "/error.xml"), URI.create(base + "/malformed.xml"), URI.create(base + "/flaky.xml")),
        1, Duration.ZERO, c);

    assertTrue(c.reasonFor("slow.xml").contains("no answer within 500 ms (2 attempts)"), c.skipped.toString());
    assertTrue(c.reasonFor("error.xml").contains("HTTP 500 (2 attempts)"), c.skipped.toString());
    assertEquals(2, hits.get("/error.xml").get(), "a 500 is retried, then given up");
    assertTrue(c.reasonFor("malformed.xml").startsWith("malformed feed"), c.skipped.toString());
    assertEquals(2, hits.get("/flaky.xml").get());
    assertEquals(3, c.docs.size(), "the flaky feed, read at the second attempt, still delivers its entries");
    FeedPoller.Poll p = c.polls.get(0);
    assertEquals(1, p.feedsRead());
    assertEquals(3, p.feedsFailed());
  }

  @Test
  void storedArticlesAreNotFetchedAgain() throws InterruptedException {
    Collected c = new Collected();
    Set<String> stored = Set.of(base + "/news/strike.html");
    new FeedPoller(fetcher(), stored::contains).run(List.of(URI.create(base + "/feed.xml")), 1, Duration.ZERO, c);
    assertTrue(!hits.containsKey("/news/strike.html"));
    assertEquals(List.of(base + "/news/talks.html", base + "/private/memo.html"),
        c.docs.stream().map(Document::url).toList());
  }
}
