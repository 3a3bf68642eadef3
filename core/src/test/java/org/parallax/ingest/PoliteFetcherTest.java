package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects: each hop is checked against the robots.txt of the host it leads to. */
class PoliteFetcherTest {
  private HttpServer first;
  private HttpServer second;
  private String firstBase;
  private String secondBase;
  private final List<String> secondRequests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    first = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    second = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    firstBase = "http://127.0.0.1:" + first.getAddress().getPort();
    secondBase = "http://127.0.0.1:" + second.getAddress().getPort();
    first.createContext("/", x -> {
      switch (x.getRequestURI().getPath()) {
        case "/robots.txt" -> send(x, 200, "User-agent: *\nAllow: /\n", null);
        case "/to-private" -> send(x, 302, "", secondBase + "/private/memo.html");
        case "/to-public" -> send(x, 301, "", secondBase + "/news/story.html");
        case "/loop" -> send(x, 302, "", "/loop");
        case "/to-file" -> send(x, 302, "", "file:///etc/passwd");
        default -> send(x, 404, "not here", null);
      }
    });
    second.createContext("/", x -> {
      secondRequests.add(x.getRequestURI().getPath());
      switch (x.getRequestURI().getPath()) {
        case "/robots.txt" -> send(x, 200, "User-agent: *\nDisallow: /private/\n", null);
        case "/news/story.html", "/private/memo.html" -> send(x, 200, "<p>Story</p>", null);
        default -> send(x, 404, "not here", null);
      }
    });
    first.start();
    second.start();
  }

  @AfterEach
  void stop() {
    first.stop(0);
    second.stop(0);
  }

  private static void send(HttpExchange x, int status, String body, String location) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    if (location != null) {
      x.getResponseHeaders().set("Location", location);
    }
    x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      x.getResponseBody().write(b);
    }
    x.close();
  }

  private static PoliteFetcher fetcher() {
    PoliteFetcher.Settings d = PoliteFetcher.Settings.defaults();
    return new PoliteFetcher(new PoliteFetcher.Settings(d.userAgent(), d.robotName(), Duration.ofMillis(10),
        d.maxCrawlDelay(), Duration.ofSeconds(5), 1, Duration.ofMillis(10), d.maxBytes()));
  }

  @Test
  void aRedirectToAPathTheFinalHostForbidsIsNotFetched() {
    PoliteFetcher f = fetcher();
    PoliteFetcher.FetchException e = assertThrows(PoliteFetcher.FetchException.class,
        () -> f.get(URI.create(firstBase + "/to-private")));
    assertTrue(e.getMessage().contains("robots.txt") && e.getMessage().contains("redirected from"), e.getMessage());
    assertEquals(List.of("/robots.txt"), secondRequests, "the forbidden page itself is never requested");
  }

  @Test
  void aRedirectToAnAllowedPathIsFollowed() throws Exception {
    PoliteFetcher.Response r = fetcher().get(URI.create(firstBase + "/to-public"));
    assertEquals(200, r.status());
    assertEquals(URI.create(secondBase + "/news/story.html"), r.uri());
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("Story"));
  }

  @Test
  void redirectLoopsAndNonHttpTargetsEndWithAReason() {
    PoliteFetcher f = fetcher();
    assertTrue(assertThrows(PoliteFetcher.FetchException.class, () -> f.get(URI.create(firstBase + "/loop")))
        .getMessage().contains("redirects"));
    assertTrue(assertThrows(PoliteFetcher.FetchException.class, () -> f.get(URI.create(firstBase + "/to-file")))
        .getMessage().contains("non-http"));
  }
}
