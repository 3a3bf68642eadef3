package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.ArticleReport;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Report;
import org.parallax.testing.TestModels;

/**
 * With the tagger, alignment takes the claim vectors of the tagger's encoder pass instead of encoding again: the
 * claim groups must be those the embedder alone gives (the lexicon run), and the loaded terms the tagger's.
 */
class OnePassTest {
  @TempDir
  Path dir;

  @Test
  void taggerPassGivesTheSameAlignmentAsTheEmbedder() throws IOException {
    ParallaxConfig tagging = ParallaxConfig.load(Files.writeString(dir.resolve("c.json"),
        "{\"loadedLanguage\": \"tagger\"}"));
    List<Path> in = List.of(TestModels.repoRoot().resolve("examples/port-strike"));
    Report lexicon = TestModels.parallax().analyze(in);
    Report tagged;
    try (Parallax p = new Parallax(tagging, TestModels.nlp(), TestModels.embedder(), 2)) {
      tagged = p.analyze(in);
    }
    assertEquals(lexicon.claims().size(), tagged.claims().size());
    for (int i = 0; i < lexicon.claims().size(); i++) {
      assertEquals(lexicon.claims().get(i).evidence(), tagged.claims().get(i).evidence());
    }
    boolean differs = false;
    for (ArticleReport a : tagged.articles()) {
      for (LoadedTerm t : a.loadedLanguage().spans()) {
        assertEquals(a.body().substring(t.start(), t.end()), t.text());
      }
      ArticleReport l = lexicon.articles().stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
      differs |= !l.loadedLanguage().spans().equals(a.loadedLanguage().spans());
    }
    assertFalse(!differs, "the tagger's terms are its own, not the lexicon's");
  }
}
