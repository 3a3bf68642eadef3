package org.parallax.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Span;

class LoadedTaggerTest {
  private static MiniLmEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = new MiniLmEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void findsAPlantedLoadedPhraseAndNotAPlainSentence() {
    String plain = "The council met on Tuesday and approved the budget for next year.";
    String loaded = "The corrupt, lying thugs in the regime have destroyed everything decent people built.";
    String body = plain + " " + loaded;
    LoadedTagger tagger = new LoadedTagger(encoder);
    var t = tagger.tag(body, List.of(new Span(0, plain.length()), new Span(plain.length() + 1, body.length())),
        List.of());
    List<LoadedTerm> spans = t.loaded().spans();
    assertTrue(spans.stream().anyMatch(s -> s.start() > plain.length() && s.text().matches(
        "(?s).*(corrupt|lying|thugs|destroyed).*")), spans.toString());
    assertTrue(spans.stream().noneMatch(s -> s.end() <= plain.length()), spans.toString());
    for (LoadedTerm s : spans) {
      assertEquals(body.substring(s.start(), s.end()), s.text());
    }
    assertEquals(2, t.vectors().size());
    assertEquals(encoder.encode(loaded).pooled()[5], t.vectors().get(loaded)[5], 1e-6);
  }

  @Test
  void spansInsideQuotationsAreDropped() {
    String body = "The corrupt, lying thugs in the regime have destroyed everything decent people built.";
    var t = new LoadedTagger(encoder).tag(body, List.of(new Span(0, body.length())),
        List.of(new Span(0, body.length())));
    assertTrue(t.loaded().spans().isEmpty(), t.loaded().spans().toString());
  }

  @Test
  void shippedHeadIsTheOneItsMetadataDescribes() throws IOException {
    byte[] bin;
    try (InputStream in = LoadedTagger.class.getResourceAsStream(LoadedTagger.HEAD)) {
      bin = in.readAllBytes();
    }
    JsonNode meta;
    try (InputStream in = LoadedTagger.class.getResourceAsStream("loaded-tagger.json")) {
      meta = new ObjectMapper().readTree(in);
    }
    String sha = HexFormat.of().formatHex(sha256(bin));
    assertEquals(meta.get("head_sha256").asText(), sha);
    TaggerHead head = LoadedTagger.bundledHead();
    assertEquals(meta.get("settings").get("threshold").asDouble(), head.threshold(), 1e-9);
    assertEquals(meta.get("settings").get("gap").asInt(), head.gap());
    assertEquals(3 * 384 + TaggerFeatures.EXTRA, head.inputs());
    assertTrue(meta.get("command").asText().startsWith("parallax train loaded"));
    assertTrue(meta.get("data_sha256").size() >= 2 * 250, "every article and labels file hashed");
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    head.write(again);
    assertEquals(sha, HexFormat.of().formatHex(sha256(again.toByteArray())), "read and written back unchanged");
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
