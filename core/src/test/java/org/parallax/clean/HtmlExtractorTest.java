package org.parallax.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
  private static final String PAGE = """
      <html><head><title>Mill fire: workers evacuated - Valley Post</title>
      <meta property="og:site_name" content="Valley Post">
      <meta name="author" content="Ravi Patel">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-02T08:00:00Z",
        "headline":"Mill fire: workers evacuated"}</script></head>
      <body><nav class="menu"><a href="/">Home</a><a href="/news">News</a></nav>
      <div class="layout"><div class="content">
        <h1>Mill fire: workers evacuated</h1>
        <p>Two hundred workers were evacuated from the Ashford textile mill on Saturday after a fire broke out in
        the dyeing hall, the fire service said.</p>
        <figure><img src="x.jpg"><figcaption>Smoke over the mill. Photo: Valley Post</figcaption></figure>
        <p>No one was injured, and the fire was under control by mid-afternoon, according to a spokesperson.</p>
        <p>The mill, which employs 450 people, will stay closed on Monday while inspectors assess the damage.</p>
        <div class="related-links"><a href="/a">Earlier: mill expansion approved by council planners</a></div>
      </div>
      <aside class="sidebar"><p>Most read: Local team wins the cup final after a penalty shoot-out.</p></aside>
      </div>
      <div id="comments"><p>Terrible news, hope everyone is safe and the mill reopens soon.</p></div>
      <footer>© Valley Post 2024</footer></body></html>
      """;

  @Test
  void extractsMainTextAndMetadata() {
    HtmlExtractor.Page p = new HtmlExtractor().extract(PAGE, null);
    String text = String.join("\n", p.lines());
    assertEquals("Mill fire: workers evacuated", p.title());
    assertEquals("Valley Post", p.outlet());
    assertEquals("2024-11-02", p.date());
    assertEquals("Ravi Patel", p.byline());
    assertTrue(text.contains("Two hundred workers were evacuated"));
    assertTrue(text.contains("will stay closed on Monday"));
    assertFalse(text.contains("Most read"), text);
    assertFalse(text.contains("hope everyone is safe"), text);
    assertFalse(text.contains("Smoke over the mill"), text);
    assertFalse(text.contains("mill expansion approved"), text);
    assertTrue(p.removed().stream().anyMatch(r -> r.reason().equals("photo caption")));
  }
}
