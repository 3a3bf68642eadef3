package org.parallax.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.model.Article;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Report;
import org.parallax.pipeline.Parallax;
import org.parallax.pipeline.StageTimes;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryInfo;

/**
 * What the web interface reads from a corpus store: story listings and each story's cross-source report. Reports are
 * computed on first view (the store keeps clean articles, not analyses) and kept in a bounded cache keyed by story id
 * and size, so a story that grew under a running ingest is analysed again. The store is opened read-only and
 * refreshed at most every {@link #REFRESH_MILLIS} ms, so {@code serve} can run beside {@code ingest}.
 */
final class CorpusView implements AutoCloseable {
  static final long REFRESH_MILLIS = 2_000;

  /** Counts shown in the story list, from the story's report. */
  record Counts(int consensus, int partial, int conflicts, int quotes) {
    static Counts of(Report r) {
      int consensus = 0;
      int partial = 0;
      for (ClaimGroup g : r.claims()) {
        if (g.status() == ClaimStatus.CONSENSUS) {
          consensus++;
        } else if (g.status() == ClaimStatus.PARTIAL) {
          partial++;
        }
      }
      return new Counts(consensus, partial, r.conflicts().size(), r.quotes().size());
    }
  }

  /** One row of the story list. */
  record Row(StoryInfo story, Counts counts) {}

  /** One page of the story list. */
  record Listing(List<Row> rows, int total, int offset, int limit, int smallerHidden) {}

  private final CorpusStore store;
  private final Parallax parallax;
  private final ReportCache<Report> reports;
  private final String name;
  private long lastRefresh;
  private long listedVersion = Long.MIN_VALUE;
  private List<StoryInfo> listed = List.of();
  private Map<String, List<String>> members = Map.of();
  private volatile boolean closed;
  private final java.util.concurrent.CompletableFuture<Integer> warmed = new java.util.concurrent.CompletableFuture<>();

  CorpusView(CorpusStore store, Parallax parallax, int cachedReports, String name) {
    this.store = store;
    this.parallax = parallax;
    this.reports = new ReportCache<>(cachedReports);
    this.name = name;
  }

  /** What the page header calls this corpus (the store folder's name, or "bundled examples"). */
  String name() {
    return name;
  }

  private synchronized List<StoryInfo> allStories() {
    refresh();
    long v = store.version();
    if (v != listedVersion) {
      listed = store.stories(null);
      members = null;
      listedVersion = v;
    }
    return listed;
  }

  private synchronized void refresh() {
    long now = System.currentTimeMillis();
    if (store.readOnly() && now - lastRefresh >= REFRESH_MILLIS) {
      store.refresh();
      lastRefresh = now;
    }
  }

  /** Article ids of every story (loaded once per store version: it reads one small field of every article). */
  synchronized Map<String, List<String>> members() {
    allStories();
    if (members == null) {
      members = store.storyMembers();
    }
    return members;
  }

  /**
   * A page of stories, newest first. With a query, only stories with an article matching it (Lucene syntax over
   * title and body), best match first. Stories with fewer than {@code minArticles} articles are left out and counted.
   * Counts come from each shown story's report, computed here when not yet cached.
   */
  Listing list(String query, int minArticles, int offset, int limit) {
    List<StoryInfo> candidates;
    if (query == null || query.isBlank()) {
      candidates = allStories();
    } else {
      allStories();
      Set<String> ids = new LinkedHashSet<>();
      for (CorpusStore.Hit h : store.search(query, null, null, null, 1_000)) {
        if (h.story() != null) {
          ids.add(h.story());
        }
      }
      candidates = new ArrayList<>();
      for (String id : ids) {
        StoryInfo i = store.story(id);
        if (i != null) {
          candidates.add(i);
        }
      }
    }
    List<StoryInfo> kept = new ArrayList<>();
    int hidden = 0;
    for (StoryInfo i : candidates) {
      if (i.size() >= minArticles) {
        kept.add(i);
      } else {
        hidden++;
      }
    }
    int from = Math.min(Math.max(offset, 0), kept.size());
    int to = Math.min(from + limit, kept.size());
    List<Row> rows = new ArrayList<>();
    for (StoryInfo i : kept.subList(from, to)) {
      Report r = report(i);
      rows.add(new Row(i, r == null ? null : Counts.of(r)));
    }
    return new Listing(rows, kept.size(), from, limit, hidden);
  }

  /** Full-text search over the stored articles (see {@link CorpusStore#search}). */
  List<CorpusStore.Hit> search(String query, String outlet, String from, String to, int limit) {
    refresh();
    return store.search(query, outlet, from, to, limit);
  }

  /** A story's listing entry, or null. */
  StoryInfo story(String id) {
    refresh();
    return store.story(id);
  }

  /** The story's report, computed on first request; null when there is no such story. */
  Report report(String storyId) {
    StoryInfo i = story(storyId);
    return i == null ? null : report(i);
  }

  private Report report(StoryInfo i) {
    return reports.get(i.id() + "@" + i.size(), () -> {
      List<Article> articles = store.storyArticles(i.id());
      return parallax.analyzeCleaned(articles, new StageTimes());
    });
  }

  /**
   * Computes, in one low-priority background thread, the reports of the newest {@code stories} stories with at
   * least {@code minArticles} articles: the ones the first pages of the list show, so their counts are ready when a
   * reader arrives. Requests computing a report themselves are not blocked (the cache computes each once).
   */
  void warm(int stories, int minArticles) {
    Thread t = new Thread(() -> {
      int n = 0;
      for (StoryInfo i : allStories()) {
        if (closed || n >= stories) {
          break;
        }
        if (i.size() >= minArticles) {
          try {
            report(i);
          } catch (RuntimeException e) {
            // The failure is reported to whoever opens that story; warming just moves on.
          }
          n++;
        }
      }
      warmed.complete(n);
    }, "parallax-report-warmer");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Completes with the number of stories warmed when warming ends. */
  java.util.concurrent.CompletableFuture<Integer> warmed() {
    return warmed;
  }

  @Override
  public void close() {
    closed = true;
    store.close();
  }
}
