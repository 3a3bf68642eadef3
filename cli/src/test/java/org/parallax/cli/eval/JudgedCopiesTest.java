package org.parallax.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Copy;

class JudgedCopiesTest {
  private static Path fixture() throws Exception {
    return Path.of(JudgedCopiesTest.class.getResource("judged-fixture.jsonl").toURI());
  }

  @Test
  void scoresPrecisionPerKindDirectionAndMisses() throws Exception {
    List<JudgedCopies.Judged> judged = JudgedCopies.read(fixture(), null);
    assertEquals(5, judged.size());
    List<Copy> found = List.of(
        new Copy("p1", "p2", "republication", 0.8, 0.9, "date"), // a copy, right kind, right source
        new Copy("p4", "p3", "update", 0.3, 0.7, "completeness"), // not a copy
        new Copy("p5", "p6", "update", 0.5, 0.8, "date"), // a copy, wrong source
        new Copy("p8", "p7", "rewrite", 0.2, 0.7, "unknown"), // a copy; the judges do not know the source
        new Copy("x", "y", "duplicate", 1, 1, "date")); // not judged: ignored
    JudgedCopies.Result r = JudgedCopies.score(judged, found);
    assertEquals(4, r.all().pairs());
    assertEquals(3, r.all().copies());
    assertEquals(0.5, r.byKind().get("update").precision(), 1e-9);
    assertEquals(1.0, r.byKind().get("republication").precision(), 1e-9);
    assertEquals(2, r.directed());
    assertEquals(1, r.directedRight());
    assertEquals(4, r.judgedCopies());
    assertEquals(1, r.missed(), "p9/p10 is a judged duplicate nobody related");
  }

  @Test
  void readsOneSplitAndRejectsUnknownRelations(@TempDir Path dir) throws Exception {
    assertEquals(2, JudgedCopies.read(fixture(), "test").size());
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"a\":\"x\",\"b\":\"y\",\"relation\":\"spin\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JudgedCopies.read(bad, null));
    assertEquals(true, e.getMessage().contains("line 1"));
  }
}
