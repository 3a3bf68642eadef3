package org.parallax.server;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A token bucket per client: up to {@code perMinute} requests at once, refilled at {@code perMinute} per minute.
 * Full buckets are dropped when the table grows, so memory stays bounded by the clients active within a minute.
 */
final class RateLimiter {
  private static final int PRUNE_AT = 10_000;
  private final int perMinute;
  private final Map<String, double[]> buckets = new HashMap<>();

  RateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  int perMinute() {
    return perMinute;
  }

  /** Takes a token for {@code client}; returns 0 when allowed, else the seconds until one is available. */
  synchronized long acquire(String client, long nowNanos) {
    double[] b = buckets.get(client);
    if (b == null) {
      if (buckets.size() >= PRUNE_AT) {
        prune(nowNanos);
      }
      b = new double[] {perMinute, nowNanos};
      buckets.put(client, b);
    }
    refill(b, nowNanos);
    if (b[0] >= 1) {
      b[0] -= 1;
      return 0;
    }
    double perNano = perMinute / 60e9;
    return Math.max(1, (long) Math.ceil((1 - b[0]) / perNano / 1e9));
  }

  private void refill(double[] b, long nowNanos) {
    double perNano = perMinute / 60e9;
    b[0] = Math.min(perMinute, b[0] + (nowNanos - (long) b[1]) * perNano);
    b[1] = nowNanos;
  }

  private void prune(long nowNanos) {
    for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext(); ) {
      double[] b = it.next();
      refill(b, nowNanos);
      if (b[0] >= perMinute) {
        it.remove();
      }
    }
  }
}
