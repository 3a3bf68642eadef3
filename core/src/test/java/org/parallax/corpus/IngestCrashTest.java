package org.parallax.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.store.CorpusStore;

/**
 * Kills a child JVM running corpus ingest at random moments (SIGKILL, not between batches by arrangement), and
 * checks after each kill: the store opens, every stored article's story exists, no copy relation points to a
 * missing article, nothing committed before is lost; then a run to the end holds exactly the articles of a run
 * never interrupted.
 */
class IngestCrashTest {
  private static final int ARTICLES = 1_500;
  private static final int BATCH = 100;
  private static final int KILLS = Integer.getInteger("parallax.crash.kills", 5);
  private static final String[] WORDS = ("port union strike workers talks ministry offer pay officials container "
      + "ships council mayor police protest government minister election vote court ruling bridge flood storm prices "
      + "inflation bank rate company shares market").split(" ");

  @TempDir
  Path dir;

  @Test
  void aStoreKilledAtRandomMomentsStaysConsistentAndARerunCompletesIt() throws Exception {
    long seed = Long.getLong("parallax.crash.seed", 14L);
    Random rnd = new Random(seed);
    Path corpus = corpus(dir.resolve("corpus.jsonl"), rnd);
    Path reference = dir.resolve("reference");
    long[] ingestNanos = {0};
    assertEquals(0, child(reference, corpus, -1, ingestNanos).exitValue());
    Set<String> expected = ids(reference);
    assertTrue(expected.size() > ARTICLES / 2, "reference run stored " + expected.size());
    // kill moments spread over the length of an uninterrupted ingest, start-up excluded
    int runMillis = (int) Math.max(50, ingestNanos[0] / 1_000_000);

    int round = 0;
    Path crashed = dir.resolve("crashed-0");
    int before = 0;
    for (int k = 0; k < KILLS; k++) {
      child(crashed, corpus, rnd.nextInt(runMillis), new long[1]);
      int size = check(crashed, "seed " + seed + ", kill " + k);
      System.out.println("ingest crash test: kill " + k + " left " + size + " of " + expected.size() + " articles");
      assertTrue(size >= before, "kill " + k + " lost committed articles: " + before + " → " + size);
      before = size;
      if (size == expected.size() && k + 1 < KILLS) {
        // Completed by the resumed runs: later kills start a fresh store, so that each one still lands mid-ingest.
        assertEquals(expected, ids(crashed), "seed " + seed + ", store " + round);
        crashed = dir.resolve("crashed-" + ++round);
        before = 0;
      }
    }
    assertEquals(0, child(crashed, corpus, -1, new long[1]).exitValue(), "a rerun after the kills completes");
    check(crashed, "after the rerun");
    assertEquals(expected, ids(crashed), "seed " + seed);
  }

  /**
   * Runs the child; once it says it is ingesting, kills it after {@code killAfterMillis} unless that is negative.
   * {@code ingestNanos[0]} gets the time from that moment to its end.
   */
  private static Process child(Path store, Path corpus, long killAfterMillis, long[] ingestNanos) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        IngestCrashChild.class.getName(), store.toString(), corpus.toString(), String.valueOf(BATCH))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ingesting")) {
        // start-up output
      }
      long t0 = System.nanoTime();
      if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      }
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child ended");
      ingestNanos[0] = System.nanoTime() - t0;
    }
    return p;
  }

  /** The store opens and its relations hold; returns its size. */
  private static int check(Path store, String when) {
    if (!Files.exists(store)) {
      return 0; // killed before it was created
    }
    try (CorpusStore s = CorpusStore.open(store)) {
      List<String> problems = new ArrayList<>();
      Set<String> stories = new HashSet<>();
      s.stories(null).forEach(st -> stories.add(st.id()));
      Set<String> ids = new TreeSet<>();
      s.forEachMembership((id, story) -> {
        ids.add(id);
        if (story != null && !stories.contains(story)) {
          problems.add(id + " is in missing story " + story);
        }
      });
      s.forEachCopy(c -> {
        if (!ids.contains(c.source()) || !ids.contains(c.copy())) {
          problems.add("copy relation to a missing article: " + c);
        }
      });
      assertTrue(problems.isEmpty(), when + ": " + problems.subList(0, Math.min(5, problems.size())));
      assertEquals(ids.size(), s.size(), when);
      return s.size();
    }
  }

  private static Set<String> ids(Path store) {
    Set<String> out = new TreeSet<>();
    try (CorpusStore s = CorpusStore.open(store)) {
      s.forEachMembership((id, story) -> out.add(id));
    }
    return out;
  }

  /** Articles in stories of a few, with copies (every fifth repeats an earlier one, slightly changed). */
  private static Path corpus(Path file, Random rnd) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        String text;
        if (i % 5 == 4 && !texts.isEmpty()) {
          text = texts.get(rnd.nextInt(texts.size())).replaceFirst("The ", "A ") + " Officials said more later.";
        } else {
          StringBuilder sb = new StringBuilder();
          for (int s = 0; s < 6 + rnd.nextInt(6); s++) {
            sb.append("The");
            for (int k = 0; k < 8 + rnd.nextInt(8); k++) {
              sb.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            sb.append(" on Monday, officials said. ");
          }
          text = sb.toString().strip();
        }
        texts.add(text);
        w.write(String.format("{\"id\": \"a%04d\", \"outlet\": \"Outlet %d\", \"date\": \"2025-03-%02d\", "
            + "\"title\": \"Story %d\", \"text\": \"%s\"}%n", i, i % 7, 1 + i % 28, i % 40, text));
      }
    }
    return file;
  }
}
