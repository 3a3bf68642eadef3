package org.parallax.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Nanoseconds spent per stage, summed across threads; for the benchmark's per-stage breakdown. */
public final class StageTimes {
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Adds to a named counter (claims seen, sentences embedded…). */
  public void count(String what, long n) {
    counts.computeIfAbsent(what, k -> new LongAdder()).add(n);
  }

  public long count(String what) {
    LongAdder a = counts.get(what);
    return a == null ? 0 : a.sum();
  }

  public void add(String stage, long ns) {
    nanos.computeIfAbsent(stage, k -> new LongAdder()).add(ns);
  }

  /** Stage to seconds, in a stable pipeline order. */
  public Map<String, Double> seconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String s : new String[] {"ingest", "clean", "language", "annotate", "quotes", "claims", "framing", "embed",
        "align", "conflicts", "reuse", "summary"}) {
      LongAdder a = nanos.get(s);
      if (a != null) {
        out.put(s, a.sum() / 1e9);
      }
    }
    nanos.forEach((k, v) -> out.putIfAbsent(k, v.sum() / 1e9));
    return out;
  }
}
