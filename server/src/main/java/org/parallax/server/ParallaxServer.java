package org.parallax.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.ParallaxException;
import org.parallax.model.Report;
import org.parallax.pipeline.Parallax;
import org.parallax.report.JsonReport;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryInfo;

/**
 * The web interface over a corpus store: HTML pages for people, a JSON API for programs (same shapes as the CLI's
 * JSON, described at {@code /api/openapi.json}). Binds to loopback unless told otherwise; every response carries a
 * Content-Security-Policy that allows only this server's own scripts and styles; bodies over the upload limit get
 * 413, clients over the rate limits 429. Ids from the URL are only ever looked up in the store, never used as paths.
 */
public final class ParallaxServer implements AutoCloseable {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  private static final int STORY_PAGE_LIMIT = 200;
  private static final int WARM_STORIES = 250;

  private final Javalin app;
  private final CorpusView corpus;
  private final AdHocAnalyses analyses;
  private final Pages pages;
  private final ServerOptions options;
  private final RateLimiter requests;
  private final RateLimiter analysisLimit;
  private final ObjectMapper json = JsonReport.mapper();
  /**
   * Rendered story and article pages, keyed like the reports (story id and size): a page depends on nothing but its
   * report, so a story that has not changed is rendered once.
   */
  private final ReportCache<String> rendered;
  private final OutletRoutes outlets;

  private ParallaxServer(CorpusStore store, String corpusName, Parallax parallax, ServerOptions options) {
    this.options = options;
    this.corpus = new CorpusView(store, parallax, options.cachedReports(), corpusName);
    this.analyses = new AdHocAnalyses(parallax, 100);
    this.pages = new Pages(Map.of("corpusName", corpusName, "maxUpload", megabytes(options.maxUploadBytes())));
    this.requests = options.requestsPerMinute() > 0 ? new RateLimiter(options.requestsPerMinute()) : null;
    this.analysisLimit = new RateLimiter(options.analysesPerMinute());
    this.rendered = new ReportCache<>(options.cachedReports());
    this.outlets = new OutletRoutes(new OutletView(store), pages, json);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.http.maxRequestSize = options.maxUploadBytes();
      config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(options.maxUploadBytes(), 1 << 20),
          SizeUnit.BYTES);
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = "/parallax/web/static";
        sf.location = Location.CLASSPATH;
        sf.headers = Map.of("Cache-Control", "max-age=3600");
      });
      config.routes.before(this::guard);
      config.routes.get("/", this::storyList);
      config.routes.get("/stories/{id}", this::storyPage);
      config.routes.get("/stories/{id}/articles/{article}", this::storyArticle);
      config.routes.get("/analyze", ctx -> ctx.html(pages.render("analyze", Map.of())));
      config.routes.post("/analyze", this::analyzeForm);
      config.routes.get("/analyses/{id}", this::analysisPage);
      config.routes.get("/analyses/{id}/articles/{article}", this::analysisArticle);
      config.routes.get("/api/stories", this::apiStories);
      config.routes.get("/api/stories/{id}", this::apiStory);
      config.routes.get("/api/search", this::apiSearch);
      config.routes.post("/api/analyze", this::apiAnalyze);
      config.routes.get("/api/openapi.json", this::openApi);
      config.routes.get("/outlets", outlets::list);
      config.routes.get("/outlets/compare", outlets::compare);
      config.routes.get("/outlets/{name}", outlets::outlet);
      config.routes.get("/articles/{id}", outlets::article);
      config.routes.get("/api/outlets", outlets::apiList);
      config.routes.get("/api/outlets/{name}", outlets::apiOutlet);
      config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      // Also Javalin's own "endpoint not found", so unknown paths get the same page or JSON as unknown ids.
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(Exception.class, this::failure);
    });
  }

  /**
   * Starts serving {@code store} (opened read-only by the caller, or a store built for the session).
   *
   * @param corpusName what the pages call the corpus
   */
  public static ParallaxServer start(CorpusStore store, String corpusName, Parallax parallax, ServerOptions options) {
    ParallaxServer s = new ParallaxServer(store, corpusName, parallax, options);
    s.app.start();
    // The story list's first pages (at its default of two articles or more) get their counts in the background.
    s.corpus.warm(WARM_STORIES, 2);
    // The outlet profiles read the whole ledger and every story once per store version: done ahead, off requests.
    java.util.concurrent.CompletableFuture.runAsync(s.outlets::warm);
    return s;
  }

  /** Completes, with the number of stories, once the newest stories' reports are computed in the background. */
  public java.util.concurrent.CompletableFuture<Integer> warmed() {
    return corpus.warmed();
  }

  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public URI uri() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return URI.create("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
    corpus.close();
  }

  /** An error in what the client sent (a bad query, a bad parameter): 400 with the message. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  // ---- filters ------------------------------------------------------------------------------------------------

  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    if (requests != null) {
      long wait = requests.acquire(ctx.ip(), System.nanoTime());
      if (wait > 0) {
        tooMany(ctx, wait, "this server allows " + requests.perMinute() + " requests per minute per client");
        return;
      }
    }
    long length = ctx.req().getContentLengthLong();
    if (length > options.maxUploadBytes()) {
      tooLarge(ctx, length);
    }
  }

  /** The most of an oversized body read (and dropped) so that its 413 reaches the client; see swallowRest. */
  static final long SWALLOW_BYTES = 8L * 1024 * 1024;

  private void tooLarge(Context ctx, long length) {
    String msg = "Request too large: " + (length > 0 ? megabytes(length) + " sent; " : "")
        + "the limit is " + megabytes(options.maxUploadBytes()) + " (serve --max-upload).";
    ctx.header("Connection", "close");
    throw new HttpResponseException(413, msg);
  }

  private void tooMany(Context ctx, long waitSeconds, String rule) {
    ctx.header("Retry-After", Long.toString(waitSeconds));
    throw new HttpResponseException(429, "Too many requests: " + rule + "; try again in " + waitSeconds + " s.");
  }

  private void limitAnalyses(Context ctx) {
    long wait = analysisLimit.acquire(ctx.ip(), System.nanoTime());
    if (wait > 0) {
      tooMany(ctx, wait, "this server allows " + analysisLimit.perMinute() + " analyses per minute per client");
    }
  }

  // ---- pages --------------------------------------------------------------------------------------------------

  private void storyList(Context ctx) {
    String q = ctx.queryParam("q");
    int min = intParam(ctx, "min", 2, 1, Integer.MAX_VALUE);
    int page = intParam(ctx, "page", 1, 1, 1_000_000);
    CorpusView.Listing listing = list(q, min, (page - 1) * options.listPageSize(), options.listPageSize());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("q", q == null ? "" : q);
    model.put("min", min);
    model.put("page", page);
    model.put("listing", listing);
    model.put("pages", (listing.total() + options.listPageSize() - 1) / options.listPageSize());
    model.put("rows", listing.rows().stream().map(r -> Map.of("row", r, "href",
        "/stories/" + Links.segment(r.story().id()))).toList());
    ctx.html(pages.render("stories", model));
  }

  private CorpusView.Listing list(String q, int min, int offset, int limit) {
    try {
      return corpus.list(q, min, offset, limit);
    } catch (ParallaxException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("cannot parse the query")) {
        throw new BadRequest(e.getMessage());
      }
      throw e;
    }
  }

  private void storyPage(Context ctx) {
    String id = ctx.pathParam("id");
    StoryInfo info = corpus.story(id);
    if (info == null) {
      throw new HttpResponseException(404, "No story '" + id + "' in " + corpus.name() + ".");
    }
    ctx.html(rendered.get(info.id() + "@" + info.size(), () -> {
      Report r = corpus.report(id);
      StoryPage p = StoryPage.of(info.label() == null ? "Story " + info.id() : info.label(), subtitle(info),
          "/stories/" + Links.segment(id), r);
      return pages.render("story", Map.of("p", p));
    }));
  }

  private static String subtitle(StoryInfo i) {
    String span = i.from() == null ? "undated" : i.from().equals(i.to()) ? i.from() : i.from() + " – " + i.to();
    return i.size() + (i.size() == 1 ? " article" : " articles") + " · " + i.outlets().size()
        + (i.outlets().size() == 1 ? " outlet" : " outlets") + " · " + span;
  }

  private void storyArticle(Context ctx) {
    String id = ctx.pathParam("id");
    String article = ctx.pathParam("article");
    StoryInfo info = corpus.story(id);
    Report r = info == null ? null : corpus.report(id);
    if (r == null || r.articles().stream().noneMatch(a -> a.id().equals(article))) {
      throw new HttpResponseException(404, "No article '" + article + "' in story '" + id + "'.");
    }
    ctx.html(rendered.get(info.id() + "@" + info.size() + "/" + article, () -> pages.render("article",
        Map.of("p", ArticlePage.of(r, article, info.label() == null ? "Story " + id : info.label(),
            "/stories/" + Links.segment(id))))));
  }

  private void analyzeForm(Context ctx) {
    limitAnalyses(ctx);
    List<AdHocAnalyses.Upload> uploads = uploads(ctx);
    if (uploads.isEmpty()) {
      ctx.status(400).html(pages.render("analyze", Map.of("problem",
          "Paste an article or choose at least one file.")));
      return;
    }
    String id = analyses.analyze(uploads);
    Report r = analyses.get(id);
    if (r.articles().isEmpty()) {
      ctx.status(422).html(pages.render("analyze", Map.of("problem", "Nothing could be analysed.",
          "skipped", r.skipped())));
      return;
    }
    ctx.redirect("/analyses/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private List<AdHocAnalyses.Upload> uploads(Context ctx) {
    List<AdHocAnalyses.Upload> out = new ArrayList<>();
    try {
      String text = ctx.formParam("text");
      if (text != null && !text.isBlank()) {
        out.add(new AdHocAnalyses.Upload("pasted.txt",
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
      }
      for (UploadedFile f : ctx.uploadedFiles("files")) {
        if (f.size() > 0 || (f.filename() != null && !f.filename().isEmpty())) {
          out.add(new AdHocAnalyses.Upload(f.filename(), f.content()));
        }
      }
    } catch (Exception e) { // Javalin rethrows the servlet layer's checked exceptions unchecked
      // A body over the limit that no Content-Length announced (chunked) is caught by Jetty's multipart parser,
      // which reports it as an exception somewhere in the cause chain.
      if (exceedsLimit(e)) {
        tooLarge(ctx, -1);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot read the upload", e);
    }
    return out;
  }

  private static boolean exceedsLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (m.contains("exceeds") || m.contains("exceeded") || m.contains("too large")) {
        return true;
      }
    }
    return false;
  }

  private void analysisPage(Context ctx) {
    Report r = analyses.get(ctx.pathParam("id"));
    if (r == null) {
      throw new HttpResponseException(404, "No such analysis (analyses are kept in memory, the latest 100 only).");
    }
    String base = "/analyses/" + Links.segment(ctx.pathParam("id"));
    StoryPage p = StoryPage.of("Your articles", r.articles().size() + " articles analysed"
        + (r.skipped().isEmpty() ? "" : " · " + r.skipped().size() + " notes on the input"), base, r);
    ctx.html(pages.render("story", Map.of("p", p)));
  }

  private void analysisArticle(Context ctx) {
    Report r = analyses.get(ctx.pathParam("id"));
    String base = "/analyses/" + Links.segment(ctx.pathParam("id"));
    ArticlePage p = r == null ? null : ArticlePage.of(r, ctx.pathParam("article"), "Your articles", base);
    if (p == null) {
      throw new HttpResponseException(404, "No such article in this analysis.");
    }
    ctx.html(pages.render("article", Map.of("p", p)));
  }

  // ---- JSON API -----------------------------------------------------------------------------------------------

  private void apiStories(Context ctx) throws IOException {
    int min = intParam(ctx, "min", 1, 1, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", 50, 1, STORY_PAGE_LIMIT);
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    CorpusView.Listing listing = list(ctx.queryParam("q"), min, offset, limit);
    Map<String, List<String>> members = corpus.members();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CorpusView.Row r : listing.rows()) {
      Map<String, Object> row = JsonReport.storyRow(r.story(), members.getOrDefault(r.story().id(), List.of()));
      row.put("counts", r.counts());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", listing.total());
    out.put("offset", listing.offset());
    out.put("stories", rows);
    jsonResult(ctx, 200, out);
  }

  private void apiStory(Context ctx) throws IOException {
    Report r = corpus.report(ctx.pathParam("id"));
    if (r == null) {
      throw new HttpResponseException(404, "No story '" + ctx.pathParam("id") + "'.");
    }
    ctx.contentType("application/json").result(JsonReport.toJson(r));
  }

  private void apiSearch(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new BadRequest("give a query: /api/search?q=...");
    }
    int limit = intParam(ctx, "limit", 20, 1, 1_000);
    try {
      jsonResult(ctx, 200, corpus.search(q, ctx.queryParam("outlet"), ctx.queryParam("from"),
          ctx.queryParam("to"), limit));
    } catch (ParallaxException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private void apiAnalyze(Context ctx) throws IOException {
    limitAnalyses(ctx);
    List<AdHocAnalyses.Upload> uploads;
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (type.startsWith("application/json")) {
      uploads = List.of(new AdHocAnalyses.Upload("request.json", new ByteArrayInputStream(ctx.bodyAsBytes())));
    } else if (type.startsWith("multipart/form-data")) {
      uploads = uploads(ctx);
    } else if (type.startsWith("text/plain")) {
      uploads = List.of(new AdHocAnalyses.Upload("request.txt", new ByteArrayInputStream(ctx.bodyAsBytes())));
    } else {
      throw new BadRequest("send application/json (articles as in a .json input), text/plain (one article) or "
          + "multipart/form-data (files, text)");
    }
    if (uploads.isEmpty()) {
      throw new BadRequest("no article in the request");
    }
    Report r = analyses.run(uploads);
    if (r.articles().isEmpty()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("error", "nothing could be analysed");
      out.put("skipped", r.skipped());
      jsonResult(ctx, 422, out);
      return;
    }
    ctx.contentType("application/json").result(JsonReport.toJson(r));
  }

  private void openApi(Context ctx) {
    try (InputStream in = ParallaxServer.class.getResourceAsStream("/parallax/web/openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private void jsonResult(Context ctx, int status, Object body) throws IOException {
    ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new BadRequest("parameter '" + name + "' must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("parameter '" + name + "' must be a whole number, not '" + v + "'");
    }
  }

  private void error(Context ctx, int status, String message) {
    if (status == 413) {
      swallowRest(ctx);
    }
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      try {
        ctx.contentType("application/json").result(json.writeValueAsString(Map.of("status", status,
            "error", message == null ? "" : message)));
      } catch (IOException e) {
        ctx.result("{\"status\":" + status + "}");
      }
    } else {
      ctx.html(pages.render("error", Map.of("status", status, "message", message == null ? "" : message)));
    }
  }

  /**
   * Reads and drops what is left of an oversized body, up to {@link #SWALLOW_BYTES}, before the 413 is sent.
   *
   * <p>Why: a client still sending its body when the server closes the connection gets a TCP reset, which often
   * discards the 413 already on its way, so the user sees "connection reset" instead of our message (about one
   * upload in five in a loop over loopback). Reading the rest lets the response arrive. The bound keeps a large
   * body from costing more than a few megabytes of reading (Tomcat's "maxSwallowSize" is the same idea); past it
   * the connection is closed as before, and Jetty's idle timeout bounds a client that stalls.
   */
  private static void swallowRest(Context ctx) {
    if (ctx.req().getContentLengthLong() > SWALLOW_BYTES) {
      return; // announced too large to swallow: reading part of it would not save the response
    }
    byte[] buffer = new byte[64 * 1024];
    long left = SWALLOW_BYTES;
    try {
      java.io.InputStream in = ctx.req().getInputStream();
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The body was cut or the stream already failed (the multipart parser's limit): nothing more to read.
    }
  }

  private void failure(Exception e, Context ctx) {
    // The message names what failed (a store read, an upload) without a stack trace or server paths.
    String msg = e instanceof ParallaxException ? e.getMessage() : "internal error (" + e.getClass().getSimpleName()
        + ")";
    error(ctx, 500, msg);
  }

  static String megabytes(long bytes) {
    return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0)
        : String.format(java.util.Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
  }
}
