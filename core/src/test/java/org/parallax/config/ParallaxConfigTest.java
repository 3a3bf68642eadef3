package org.parallax.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallaxConfigTest {
  @TempDir
  Path dir;

  @Test
  void aFileOverridesOnlyTheKeysItNames() throws IOException {
    Path f = Files.writeString(dir.resolve("c.json"), "{\"claimSimilarity\": 0.8, \"summarySentences\": 3}");
    ParallaxConfig c = ParallaxConfig.load(f);
    assertEquals(0.8, c.claimSimilarity());
    assertEquals(3, c.summarySentences());
    assertEquals(ParallaxConfig.defaults().topicSimilarity(), c.topicSimilarity());
  }

  @Test
  void aMisspeltKeyIsAnErrorNotIgnored() throws IOException {
    Path f = Files.writeString(dir.resolve("c.json"), "{\"claimSimilarty\": 0.8}");
    IOException e = assertThrows(IOException.class, () -> ParallaxConfig.load(f));
    assertTrue(e.getMessage().contains("claimSimilarty"), e.getMessage());
  }
}
