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

  @Test
  void everyWorkLimitIsAKeyOfItsOwn() throws IOException {
    Path f = Files.writeString(dir.resolve("c.json"), "{\"maxArticleChars\": 1000, \"maxSentences\": 7, "
        + "\"maxSentenceChars\": 300, \"maxQuotesPerArticle\": 5, \"maxHtmlDepth\": 40, \"maxHtmlNodes\": 900, "
        + "\"maxSentencePairs\": 12345, \"articleTimeoutMillis\": 1500}");
    ParallaxConfig c = ParallaxConfig.load(f);
    assertEquals(1000, c.maxArticleChars());
    assertEquals(7, c.maxSentences());
    assertEquals(300, c.maxSentenceChars());
    assertEquals(5, c.maxQuotesPerArticle());
    assertEquals(40, c.maxHtmlDepth());
    assertEquals(900, c.maxHtmlNodes());
    assertEquals(12345L, c.maxSentencePairs());
    assertEquals(1500L, c.articleTimeoutMillis());
    assertEquals(ParallaxConfig.defaults().maxClaimsPerArticle(), c.maxClaimsPerArticle());
  }

  @Test
  void theDefaultLimitsAreSet() {
    ParallaxConfig d = ParallaxConfig.defaults();
    assertTrue(d.maxArticleChars() > 0 && d.maxSentences() > 0 && d.maxSentenceChars() > 0
        && d.maxQuotesPerArticle() > 0 && d.maxHtmlDepth() > 0 && d.maxHtmlNodes() > 0
        && d.maxSentencePairs() > 0 && d.articleTimeoutMillis() > 0, d.toString());
  }

  @Test
  void aZeroLimitIsRejectedWithItsKey() throws IOException {
    Path f = Files.writeString(dir.resolve("c.json"), "{\"maxSentences\": 0}");
    IOException e = assertThrows(IOException.class, () -> ParallaxConfig.load(f));
    assertTrue(e.getMessage().contains("maxSentences"), e.getMessage());
  }

  @Test
  void loadedLanguageIsTaggerOrLexiconAndNothingElse() throws IOException {
    assertEquals("lexicon", ParallaxConfig.defaults().loadedLanguage());
    Path ok = Files.writeString(dir.resolve("ok.json"), "{\"loadedLanguage\": \"tagger\"}");
    assertEquals("tagger", ParallaxConfig.load(ok).loadedLanguage());
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"loadedLanguage\": \"crf\"}");
    IOException e = assertThrows(IOException.class, () -> ParallaxConfig.load(bad));
    assertTrue(e.getMessage().contains("loadedLanguage"), e.getMessage());
  }
}
