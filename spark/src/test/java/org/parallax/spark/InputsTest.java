package org.parallax.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One input file read as a task reads it: streamed, in order, its problems reported under the original path. */
class InputsTest {
  private static final HadoopConf CONF = new HadoopConf(new Configuration());

  @Test
  void aFileIsStreamedInOrderWithItsBadLinesInPlace(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      lines.append(i == 500 ? "{\"id\": \"cut" : "{\"id\": \"a" + i + "\", \"text\": \"Article number " + i
          + " about the harbour strike.\"}").append('\n');
    }
    Path file = dir.resolve("feed.jsonl");
    Files.writeString(file, lines);
    List<Item> items = new ArrayList<>();
    Inputs.readOne(7, new Inputs.Input(file.toString(), file.toString(), 0), CONF).forEachRemaining(items::add);
    assertEquals(1000, items.size());
    for (int i = 0; i < items.size(); i++) {
      assertEquals(Item.key(7, i), items.get(i).key(), "keys follow the file order");
    }
    assertEquals("a0", items.get(0).doc().id());
    assertEquals("a999", items.get(999).doc().id());
    assertNull(items.get(500).doc());
    assertTrue(items.get(500).skipped().path().startsWith(file.toString()), items.get(500).skipped().path());
    assertTrue(items.get(500).skipped().reason().contains("truncated JSON"), items.get(500).skipped().reason());
    assertTrue(items.get(1).doc().path().startsWith(file.toString()), "the original path, not the task's copy");
  }

  @Test
  void filesAreListedInNameOrderAndNamedAsTheUserWroteThePath(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("in/b"));
    Files.writeString(dir.resolve("in/b/2.jsonl"), "{}");
    Files.writeString(dir.resolve("in/a.txt"), "text");
    Files.writeString(dir.resolve("in/.hidden"), "x");
    Files.writeString(dir.resolve("in/_SUCCESS"), "");
    String relative = Path.of("").toAbsolutePath().relativize(dir.resolve("in")).toString();
    List<Inputs.Input> files = Inputs.list(new Configuration(), List.of(relative + "/"));
    assertEquals(List.of(relative + "/a.txt", relative + "/b/2.jsonl"),
        files.stream().map(Inputs.Input::shown).toList(), "what `parallax ingest " + relative + "/` would print");
    assertEquals(4, files.get(0).bytes());
    assertTrue(files.get(0).path().startsWith("file:/"), files.get(0).path());
  }

  @Test
  void aMissingFileIsOneSkippedItem(@TempDir Path dir) {
    Iterator<Item> it = Inputs.readOne(0, new Inputs.Input(dir.resolve("gone.jsonl.gz").toString(), "in/gone.jsonl.gz", 0), CONF);
    Item only = it.next();
    assertNull(only.doc());
    assertNotNull(only.skipped());
    assertTrue(only.skipped().reason().startsWith("cannot read"), only.skipped().reason());
    assertEquals("in/gone.jsonl.gz", only.skipped().path(), "named as the user named it");
    assertTrue(!it.hasNext());
  }
}
