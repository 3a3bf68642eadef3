package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Skipped;

class FeedInputTest {
  @TempDir
  Path dir;

  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Harbour Ledger</title><link>https://ledger.example/</link><description>News</description>
      <item><title>Strike halts port</title><link>https://ledger.example/strike</link>
        <guid>ledger-strike</guid><pubDate>Mon, 10 Mar 2025 14:05:00 GMT</pubDate>
        <description>Teaser only.</description>
        <content:encoded><![CDATA[<p>Dockworkers began a 48-hour strike on Monday.</p>]]></content:encoded></item>
      <item><title>Talks resume</title><link>https://ledger.example/talks</link>
        <pubDate>Tue, 11 Mar 2025 09:00:00 GMT</pubDate><description>Union and employer meet again.</description></item>
      <item><title>Title only</title><link>https://ledger.example/bare</link></item>
      </channel></rss>
      """;

  static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Now</title><id>urn:wire</id>
      <updated>2025-03-10T12:00:00Z</updated>
      <entry><title>Port strike</title><id>urn:wire:1</id><link href="https://wire.example/1"/>
        <updated>2025-03-10T12:00:00Z</updated><content type="html">&lt;p&gt;Cranes stood idle.&lt;/p&gt;</content></entry>
      </feed>
      """;

  @Test
  void rssEntriesCarryLinkTitleDateOutletAndTheFullestText() {
    List<FeedInput.Entry> e = FeedInput.parse(RSS.getBytes(StandardCharsets.UTF_8), "ledger");
    assertEquals(3, e.size());
    assertEquals("ledger-strike", e.get(0).id());
    assertEquals("https://ledger.example/strike", e.get(0).link());
    assertEquals("2025-03-10", e.get(0).date());
    assertEquals("Harbour Ledger", e.get(0).outlet());
    assertTrue(e.get(0).html().contains("48-hour strike"), "content:encoded wins over the teaser");
    assertEquals("https://ledger.example/talks", e.get(1).id(), "no guid: the link is the id");
    assertEquals("Union and employer meet again.", e.get(1).html());
    assertTrue(e.get(2).html().isBlank());
  }

  @Test
  void atomEntriesAreRead() {
    List<FeedInput.Entry> e = FeedInput.parse(ATOM.getBytes(StandardCharsets.UTF_8), "wire");
    assertEquals(1, e.size());
    assertEquals("urn:wire:1", e.get(0).id());
    assertEquals("Wire Now", e.get(0).outlet());
    assertTrue(e.get(0).html().contains("Cranes stood idle"));
  }

  @Test
  void malformedXmlIsRefusedWithAReason() {
    BadInputException ex = assertThrows(BadInputException.class,
        () -> FeedInput.parse("<rss><channel><item><title>cut".getBytes(StandardCharsets.UTF_8), "x"));
    assertTrue(ex.getMessage().startsWith("malformed feed"), ex.getMessage());
  }

  @Test
  void externalEntitiesAreNeverResolved() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>t</title><description>d</description>"
        + "</item></channel></rss>";
    assertThrows(BadInputException.class, () -> FeedInput.parse(xxe.getBytes(StandardCharsets.UTF_8), "x"));
  }

  @Test
  void feedFilesBecomeDocumentsAndTitleOnlyEntriesAreReported() throws IOException {
    Files.writeString(dir.resolve("ledger.rss"), RSS);
    Files.writeString(dir.resolve("wire.xml"), ATOM);
    Files.writeString(dir.resolve("config.xml"), "<settings><a>1</a></settings>");
    Files.writeString(dir.resolve("broken.atom"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>");
    List<Document> docs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    new InputReader(ParallaxConfig.defaults()).stream(List.of(dir), docs::add, skipped::add);
    assertEquals(List.of("ledger-strike", "https://ledger.example/talks", "urn:wire:1"),
        docs.stream().map(Document::id).toList());
    assertEquals(3, skipped.size(), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.path().endsWith("broken.atom")
        && s.reason().startsWith("malformed feed")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.path().endsWith("config.xml")
        && s.reason().contains("not an RSS or Atom feed")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.reason().contains("carries no text")), skipped.toString());
  }
}
