package org.parallax.store;

import java.nio.file.Path;

/** Run in a child JVM by {@link CorpusStoreTest}: commits one batch, adds more, then dies without closing. */
public final class StoreCrashChild {
  static final int COMMITTED = 50;

  private StoreCrashChild() {}

  public static void main(String[] args) {
    CorpusStore s = CorpusStore.open(Path.of(args[0]));
    for (int i = 0; i < COMMITTED; i++) {
      s.add(CorpusStoreTest.article("c" + i, null, "Wire", null, "Committed article number " + i + "."));
    }
    s.commit();
    for (int i = 0; i < 30; i++) {
      s.add(CorpusStoreTest.article("u" + i, null, "Wire", null, "Uncommitted article number " + i + "."));
    }
    Runtime.getRuntime().halt(137); // no close, no commit: what kill -9 leaves behind
  }
}
