package org.parallax.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Rate limits: a clear 429 with Retry-After, per client, refilled over time. */
class RateLimitTest {
  @Test
  void bucketRefillsAtTheConfiguredRate() {
    RateLimiter limiter = new RateLimiter(60); // one a second
    long t = 0;
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limiter.acquire("a", t));
    }
    assertEquals(1, limiter.acquire("a", t), "the 61st waits a second");
    assertEquals(0, limiter.acquire("b", t), "another client has its own bucket");
    assertEquals(0, limiter.acquire("a", t + 1_000_000_000L), "one token back after a second");
  }

  @Test
  void serverAnswers429WhenAClientGoesOverTheRequestLimit() throws Exception {
    try (ParallaxServer server = TestCorpus.start(ServerOptions.defaults().withLimits(1 << 20, 2, 5))) {
      HttpClient http = HttpClient.newHttpClient();
      int ok = 0;
      HttpResponse<String> last = null;
      for (int i = 0; i < 8; i++) {
        last = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/openapi.json")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (last.statusCode() == 200) {
          ok++;
        }
      }
      assertEquals(5, ok);
      assertEquals(429, last.statusCode());
      assertTrue(last.body().contains("5 requests per minute"), last.body());
      assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
    }
  }

  @Test
  void analysesHaveTheirOwnLowerLimit() throws Exception {
    try (ParallaxServer server = TestCorpus.start(ServerOptions.defaults().withLimits(1 << 20, 2, 0))) {
      HttpClient http = HttpClient.newHttpClient();
      int[] codes = new int[3];
      for (int i = 0; i < 3; i++) {
        codes[i] = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/analyze"))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
                "Dam inspected\n\nEngineers inspected the Millbrook dam on Tuesday, the water board said."))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      }
      assertEquals(200, codes[0]);
      assertEquals(200, codes[1]);
      assertEquals(429, codes[2]);
      assertEquals(200, http.send(HttpRequest.newBuilder(server.uri().resolve("/")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode(), "reading pages is not an analysis");
    }
  }
}
