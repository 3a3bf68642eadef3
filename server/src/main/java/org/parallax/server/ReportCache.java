package org.parallax.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.parallax.ParallaxException;

/**
 * A bounded, least-recently-used map of computed values, each computed once even when many requests ask at the same
 * moment (the later ones wait for the first). A failed computation is not kept, so the next request tries again.
 */
final class ReportCache<V> {
  private final int capacity;
  private final Map<String, CompletableFuture<V>> entries;

  ReportCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<V>> eldest) {
        return size() > ReportCache.this.capacity;
      }
    };
  }

  V get(String key, Supplier<V> compute) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing;
    synchronized (entries) {
      existing = entries.putIfAbsent(key, mine);
    }
    if (existing == null) {
      try {
        mine.complete(compute.get());
      } catch (RuntimeException e) {
        synchronized (entries) {
          entries.remove(key, mine);
        }
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return existing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParallaxException("interrupted while waiting for " + key, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new ParallaxException(e.getCause().getMessage(), e);
    }
  }

  /** The value when it is already computed, else null; never computes. */
  V peek(String key) {
    CompletableFuture<V> f;
    synchronized (entries) {
      f = entries.get(key);
    }
    return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
  }

  void put(String key, V value) {
    synchronized (entries) {
      entries.put(key, CompletableFuture.completedFuture(value));
    }
  }
}
