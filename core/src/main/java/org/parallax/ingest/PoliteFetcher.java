package org.parallax.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP GET as a polite crawler does it: obeys robots.txt (crawler-commons' parser, cached per host, its
 * Crawl-delay honoured), waits a minimum delay between two requests to one host, sends conditional requests
 * (ETag / Last-Modified remembered per URL, so an unchanged feed costs the server a 304), and retries timeouts,
 * 5xx and 429 answers with exponential back-off (Retry-After honoured, capped). Bodies are size-limited.
 * Single-threaded by design: one host is never hit in parallel.
 */
public final class PoliteFetcher {
  /**
   * @param userAgent      sent with every request and matched against robots.txt groups
   * @param robotName      the name looked for in robots.txt
   * @param hostDelay      least time between two requests to the same host
   * @param maxCrawlDelay  a robots.txt Crawl-delay above this is capped (some sites ask for minutes)
   * @param timeout        connect and response timeout per attempt
   * @param attempts       tries per request, the first included
   * @param firstBackoff   wait after the first failure, doubled after each further one
   * @param maxBytes       largest body read
   */
  public record Settings(String userAgent, String robotName, Duration hostDelay, Duration maxCrawlDelay,
                         Duration timeout, int attempts, Duration firstBackoff, long maxBytes) {
    public static Settings defaults() {
      return new Settings("Parallax/0.1 (news comparison; polite feed reader)", "parallax", Duration.ofSeconds(2),
          Duration.ofSeconds(30), Duration.ofSeconds(20), 3, Duration.ofSeconds(5), 10L << 20);
    }
  }

  /** An answer: {@code notModified} when a conditional request found nothing new (then {@code body} is empty). */
  public record Response(URI uri, int status, byte[] body, String contentType, String charset, boolean notModified) {}

  /** A request that could not be completed, with the reason in words. */
  public static final class FetchException extends IOException {
    public FetchException(String message) {
      super(message);
    }
  }

  private record Validators(String etag, String lastModified) {}

  /** Redirects followed per request, as browsers and crawlers cap them (a loop must end). */
  static final int MAX_REDIRECTS = 5;
  private final Settings settings;
  private final HttpClient client;
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  /** robots.txt rules of a host and until when they hold (a day; minutes when the file could not be read). */
  private record Robots(BaseRobotRules rules, long expiresNanos) {}

  private final Map<String, Robots> robots = new HashMap<>();
  private final Map<String, Long> nextAllowed = new HashMap<>();
  private final Map<URI, Validators> validators = new HashMap<>();
  private long requests;

  public PoliteFetcher(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build(); // followed here, each hop checked against robots.txt
  }

  /** Requests sent so far, robots.txt and retries included. */
  public long requests() {
    return requests;
  }

  /** Whether robots.txt lets us fetch the URL (fetching and caching the host's robots.txt on first use). */
  public boolean allowed(URI uri) throws InterruptedException {
    return rules(uri).isAllowed(uri.toString());
  }

  /**
   * Fetches a URL conditionally.
   *
   * @throws FetchException when robots.txt forbids it, or every attempt failed, saying why
   */
  public Response get(URI uri) throws FetchException, InterruptedException {
    URI at = uri;
    for (int hop = 0; ; hop++) {
      // A redirect may lead to another host, or to a path its robots.txt forbids: every hop is checked, and waits
      // its own host's delay, as if it had been asked for directly.
      if (!allowed(at)) {
        throw new FetchException("robots.txt of " + at.getHost() + " disallows " + at.getPath()
            + (hop > 0 ? " (redirected from " + uri + ")" : ""));
      }
      Sent sent = send(at, true);
      Response r = sent.response();
      if (sent.location() != null) {
        if (hop >= MAX_REDIRECTS) {
          throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + uri);
        }
        at = redirectTarget(at, sent.location(), uri);
        continue;
      }
      if (r.status() != 200 && !r.notModified()) {
        throw new FetchException("HTTP " + r.status() + " from " + at);
      }
      return r;
    }
  }

  /** Where a redirect leads, resolved against the URL that answered; only http(s) targets are followed. */
  private static URI redirectTarget(URI from, String location, URI original) throws FetchException {
    URI to;
    try {
      to = from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException("bad redirect target '" + location + "' from " + original);
    }
    if (to.getScheme() == null || !to.getScheme().matches("(?i)https?") || to.getHost() == null) {
      throw new FetchException("redirect from " + original + " to a non-http(s) URL: " + location);
    }
    return to;
  }

  /** An answer, with the target when it is a redirect (then the body is not read). */
  private record Sent(Response response, String location) {}

  private BaseRobotRules rules(URI uri) throws InterruptedException {
    String key = uri.getScheme() + "://" + uri.getAuthority();
    Robots cached = robots.get(key);
    if (cached != null && cached.expiresNanos() - System.nanoTime() > 0) {
      return cached.rules();
    }
    URI robotsUri = URI.create(key + "/robots.txt");
    BaseRobotRules rules;
    Duration keep = Duration.ofHours(24);
    try {
      Response r = sendFollowing(robotsUri);
      rules = r.status() == 200
          ? robotsParser.parseContent(robotsUri.toString(), r.body(), r.contentType(), List.of(settings.robotName()))
          : robotsParser.failedFetch(r.status()); // 4xx: no rules, everything allowed
    } catch (FetchException e) {
      rules = robotsParser.failedFetch(503); // unreachable: treat as a temporary refusal
      keep = Duration.ofMinutes(10);
    }
    robots.put(key, new Robots(rules, System.nanoTime() + keep.toNanos()));
    return rules;
  }

  /** robots.txt itself is always allowed: its redirects are followed without a robots check. */
  private Response sendFollowing(URI uri) throws FetchException, InterruptedException {
    URI at = uri;
    for (int hop = 0; ; hop++) {
      Sent sent = send(at, false);
      if (sent.location() == null || hop >= MAX_REDIRECTS) {
        return sent.response();
      }
      at = redirectTarget(at, sent.location(), uri);
    }
  }

  private Sent send(URI uri, boolean conditional) throws FetchException, InterruptedException {
    String failure = null;
    Duration backoff = settings.firstBackoff();
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2);
      }
      long delay = waitForHost(uri);
      HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(settings.timeout())
          .header("User-Agent", settings.userAgent());
      Validators v = conditional ? validators.get(uri) : null;
      if (v != null && v.etag() != null) {
        req.header("If-None-Match", v.etag());
      }
      if (v != null && v.lastModified() != null) {
        req.header("If-Modified-Since", v.lastModified());
      }
      HttpResponse<InputStream> resp;
      try {
        requests++;
        resp = client.send(req.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (java.net.http.HttpTimeoutException e) {
        afterAnswer(uri, delay);
        failure = "no answer within " + settings.timeout().toMillis() + " ms";
        continue;
      } catch (IOException e) {
        afterAnswer(uri, delay);
        failure = "cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        continue;
      }
      afterAnswer(uri, delay);
      int status = resp.statusCode();
      if (status >= 500 || status == 429) {
        discard(resp);
        failure = "HTTP " + status;
        Optional<String> retryAfter = resp.headers().firstValue("Retry-After");
        if (retryAfter.isPresent() && retryAfter.get().strip().matches("\\d{1,6}")) {
          Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.get().strip()));
          backoff = asked.compareTo(settings.maxCrawlDelay()) > 0 ? settings.maxCrawlDelay() : asked;
        }
        continue;
      }
      if (status == 304) {
        discard(resp);
        return new Sent(new Response(uri, status, new byte[0], null, null, true), null);
      }
      Optional<String> location = resp.headers().firstValue("Location");
      if (status >= 300 && status < 400 && location.isPresent()) {
        discard(resp);
        return new Sent(new Response(uri, status, new byte[0], null, null, false), location.get());
      }
      byte[] body;
      try (InputStream in = resp.body()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
      } catch (IOException e) {
        failure = "connection broke while reading: " + e.getMessage();
        continue;
      }
      if (body.length > settings.maxBytes()) {
        throw new FetchException(uri + " is larger than " + (settings.maxBytes() >> 20) + " MB");
      }
      if (conditional && status == 200) {
        String etag = resp.headers().firstValue("ETag").orElse(null);
        String modified = resp.headers().firstValue("Last-Modified").orElse(null);
        if (etag != null || modified != null) {
          validators.put(uri, new Validators(etag, modified));
        }
      }
      String type = resp.headers().firstValue("Content-Type").orElse(null);
      return new Sent(new Response(resp.uri(), status, body, type, charset(type), false), null);
    }
    throw new FetchException(uri + ": " + failure + " (" + settings.attempts() + " attempts)");
  }

  private static void discard(HttpResponse<InputStream> resp) {
    try (InputStream in = resp.body()) {
      in.skip(1 << 16);
    } catch (IOException ignored) {
      // the answer is not used
    }
  }

  /**
   * The delay also runs from the answer, not only from the request: a slow answer (a first connection, a loaded
   * server) must not shorten the pause the host gets between the end of one request and the next.
   */
  private void afterAnswer(URI uri, long delay) {
    String host = hostKey(uri);
    long next = System.nanoTime() + delay;
    nextAllowed.merge(host, next, Math::max);
  }

  private static String hostKey(URI uri) {
    return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
  }

  /** Sleeps until this host may be asked again, then books the next slot; returns the delay that applies. */
  private long waitForHost(URI uri) throws InterruptedException {
    String host = hostKey(uri);
    long delay = settings.hostDelay().toNanos();
    Robots r = robots.get(uri.getScheme() + "://" + uri.getAuthority());
    if (r != null && r.rules().getCrawlDelay() > 0) {
      delay = Math.max(delay, Math.min(settings.maxCrawlDelay().toNanos(), r.rules().getCrawlDelay() * 1_000_000L));
    }
    long now = System.nanoTime();
    Long next = nextAllowed.get(host);
    if (next != null && next > now) {
      Thread.sleep((next - now) / 1_000_000L, (int) ((next - now) % 1_000_000L));
      now = System.nanoTime();
    }
    nextAllowed.put(host, now + delay);
    return delay;
  }

  static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._-]+)").matcher(contentType);
    return m.find() ? m.group(1) : null;
  }
}
