package org.parallax.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;

/**
 * The randomised bad-input tier. CI runs a short slice; {@code -Dparallax.badinput.count=10000} (or
 * {@code parallax bench badinput --count 10000}) runs the long one, {@code -Dparallax.badinput.seed=N} another
 * draw. A failure names the seed and each input at fault, so it can be replayed.
 */
class BadInputTierTest {
  @TempDir
  Path dir;

  @Test
  void hostileInputsNeverHangNeverThrowAndAreAllAccountedFor() throws IOException, InterruptedException {
    long seed = Long.getLong("parallax.badinput.seed", 14L);
    int count = Integer.getInteger("parallax.badinput.count", 300);
    int maxBytes = Integer.getInteger("parallax.badinput.maxBytes", 200_000);
    BadInputRun.Result r = new BadInputRun(TestModels.parallax(), 2).run(dir, seed, count, maxBytes, 30, p -> { });
    System.out.println("bad-input tier: " + r.summary()); // the figure, in the build log
    String why = r.summary() + "\n" + String.join("\n", r.problems().subList(0, Math.min(20, r.problems().size())));
    assertEquals(0, r.hangs(), why);
    assertEquals(0, r.escaped(), why);
    assertEquals(0, r.unaccounted(), why);
    assertTrue(r.inputs() >= count && r.articles() > 0 && r.skipped() > 0, why);
  }

  @Test
  void everyKindWritesSomethingAndTheSameSeedWritesTheSameFiles() throws IOException {
    for (HostileInputs.Kind k : HostileInputs.Kind.values()) {
      List<Path> made = new HostileInputs(7, 50_000).write(k, Files.createDirectories(dir.resolve("a-" + k)));
      assertFalse(made.isEmpty(), k.toString());
    }
    Path a = Files.createDirectories(dir.resolve("one"));
    Path b = Files.createDirectories(dir.resolve("two"));
    HostileInputs ga = new HostileInputs(99, 20_000);
    HostileInputs gb = new HostileInputs(99, 20_000);
    for (int i = 0; i < 20; i++) {
      HostileInputs.Case ca = ga.next(a);
      HostileInputs.Case cb = gb.next(b);
      assertEquals(ca.kind(), cb.kind());
      assertEquals(ca.inputs().size(), cb.inputs().size());
      for (int j = 0; j < ca.inputs().size(); j++) {
        Path x = ca.inputs().get(j);
        Path y = cb.inputs().get(j);
        if (Files.isRegularFile(x) && Files.isReadable(x)) {
          assertEquals(Files.mismatch(x, y), -1L, x + " vs " + y);
        }
      }
    }
  }
}
