package org.parallax.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Nanoseconds spent per stage, summed across threads; for the benchmark's per-stage breakdown. */
public final class StageTimes {
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

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
