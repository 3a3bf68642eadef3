package org.parallax.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.outlets.OutletProfile;

/**
 * The outlet pages and their API: the list of outlets, one outlet's page, a comparison of two to four, and the
 * redirect from an article id (the evidence links) to its page in its story. Rendered pages are cached per store
 * version and period, as the profiles are.
 */
final class OutletRoutes {
  /** Outlets listed by default: those with this many articles. */
  static final int DEFAULT_MIN = 20;
  private final OutletView view;
  private final Pages pages;
  private final ObjectMapper json;
  private final ReportCache<String> rendered = new ReportCache<>(200);

  OutletRoutes(OutletView view, Pages pages, ObjectMapper json) {
    this.view = view;
    this.pages = pages;
    this.json = json;
  }

  /** Reads the profiles ahead of the first request; a failure here is reported again by that request. */
  void warm() {
    try {
      view.present();
    } catch (RuntimeException e) {
      // the first outlet request reads them again and reports the problem to its client
    }
  }

  void list(Context ctx) {
    requirePresent();
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    int min = ParallaxServer.intParam(ctx, "min", DEFAULT_MIN, 1, Integer.MAX_VALUE);
    List<OutletProfile> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : view.outlets(from, to, min)) {
      rows.add(view.profile(e.getKey(), from, to));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("rows", rows.stream().map(p -> Map.of("p", p, "href", OutletPage.outletHref(p.outlet()),
        "loaded", OutletCharts.format(p.loadedPer100Words(), false))).toList());
    model.put("min", min);
    model.put("from", from == null ? "" : from);
    model.put("to", to == null ? "" : to);
    ctx.html(pages.render("outlets", model));
  }

  void outlet(Context ctx) {
    requirePresent();
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    OutletProfile p = view.profile(ctx.pathParam("name"), from, to);
    if (p == null) {
      throw new HttpResponseException(404, "No outlet '" + ctx.pathParam("name") + "' in this corpus.");
    }
    ctx.html(rendered.get(view.key() + "\t" + p.outlet() + "\t" + from + "\t" + to, () ->
        pages.render("outlet", Map.of("p", OutletPage.of(p.outlet(), List.of(p), view, from, to, true)))));
  }

  void compare(Context ctx) {
    requirePresent();
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    List<OutletProfile> ps = chosen(ctx, from, to);
    String title = String.join(" · ", ps.stream().map(OutletProfile::outlet).toList());
    ctx.html(rendered.get(view.key() + "\tcompare\t" + title + "\t" + from + "\t" + to, () ->
        pages.render("compare", Map.of("p", OutletPage.of(title, ps, view, from, to, false)))));
  }

  void article(Context ctx) {
    String id = ctx.pathParam("id");
    var a = view.store().article(id);
    if (a == null || a.story() == null) {
      throw new HttpResponseException(404, "No article '" + id + "' in this corpus.");
    }
    ctx.redirect("/stories/" + Links.segment(a.story()) + "/articles/" + Links.segment(id),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void apiList(Context ctx) throws IOException {
    requirePresent();
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    int min = ParallaxServer.intParam(ctx, "min", 1, 1, Integer.MAX_VALUE);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : view.outlets(from, to, min)) {
      OutletProfile p = view.profile(e.getKey(), from, to);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("outlet", p.outlet());
      r.put("articles", p.articles());
      r.put("stories", p.stories());
      r.put("loadedPer100Words", finite(p.loadedPer100Words()));
      r.put("originated", p.originated());
      r.put("rewrote", p.rewrote());
      r.put("sharedStories", p.sharedStories());
      r.put("sharedCovered", p.sharedCovered());
      r.put("claimStories", p.claims().stories());
      r.put("uniqueSentences", p.claims().unique());
      r.put("uniqueShare", finite(p.claims().uniqueShare()));
      r.put("consensusClaims", p.claims().consensus());
      r.put("omittedClaims", p.claims().omitted());
      r.put("omittedShare", finite(p.claims().omittedShare()));
      r.put("conflictStories", p.claims().conflictStories());
      r.put("conflicts", p.claims().conflicts());
      r.put("storiesWithConflicts", p.claims().storiesWithConflicts());
      r.put("partyQuotes", p.voices().quotes());
      r.put("republicanQuotes", p.voices().republican());
      r.put("democraticQuotes", p.voices().democratic());
      r.put("republicanShare", finite(p.voices().republicanShare()));
      rows.add(r);
    }
    ctx.contentType("application/json").result(json.writeValueAsString(Map.of("outlets", rows)));
  }

  void apiOutlet(Context ctx) throws IOException {
    requirePresent();
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    OutletProfile p = view.profile(ctx.pathParam("name"), from, to);
    if (p == null) {
      throw new HttpResponseException(404, "No outlet '" + ctx.pathParam("name") + "'.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", p);
    Map<String, Object> medians = new LinkedHashMap<>();
    for (String f : OutletProfile.MONTHLY_FIGURES) {
      medians.put(f, view.median(f, from, to));
    }
    out.put("corpusMedians", medians);
    ctx.contentType("application/json").result(json.writeValueAsString(out));
  }

  private List<OutletProfile> chosen(Context ctx, String from, String to) {
    List<String> names = ctx.queryParams("outlet");
    if (names.size() < 2 || names.size() > 4) {
      throw new ParallaxServer.BadRequest("compare two to four outlets: /outlets/compare?outlet=A&outlet=B");
    }
    List<OutletProfile> ps = new ArrayList<>();
    for (String n : names) {
      OutletProfile p = view.profile(n, from, to);
      if (p == null) {
        throw new HttpResponseException(404, "No outlet '" + n + "' in this corpus.");
      }
      ps.add(p);
    }
    return ps;
  }

  private void requirePresent() {
    if (!view.present()) {
      throw new HttpResponseException(404, "This store holds no outlet figures: it was ingested before they were "
          + "kept; ingest its inputs into a new store.");
    }
  }

  private static Double finite(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** A month parameter: yyyy-MM (or an ISO date, cut to its month); anything else is a bad request. */
  private static String month(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (!v.strip().matches("\\d{4}-\\d{2}(-\\d{2})?")) {
      throw new ParallaxServer.BadRequest("parameter '" + name + "' must be a month (yyyy-MM), not '" + v + "'");
    }
    return v.strip().substring(0, 7);
  }
}
