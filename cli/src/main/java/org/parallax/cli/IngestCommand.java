package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.config.ParallaxConfig;
import org.parallax.corpus.CorpusIngester;
import org.parallax.ingest.Document;
import org.parallax.ingest.FeedPoller;
import org.parallax.ingest.InputReader;
import org.parallax.ingest.PoliteFetcher;
import org.parallax.model.Skipped;
import org.parallax.nlp.NlpModels;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parallax ingest PATH... [--store DIR]}: adds articles to the persistent store — cleaned, exact duplicates
 * skipped, copies recorded with their direction, each article placed in a story. Commits every batch, so an
 * interrupted run keeps all committed batches and a rerun continues where it stopped.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Add articles (.txt .html .json .jsonl .jsonl.gz .warc .warc.gz .rss .atom, files or folders, "
        + "or live feeds with --feed) to the corpus store.")
public final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--fast", description = "Group stories by TF-IDF alone, never embedding: faster, but an outlet "
      + "that frames an event in its own words may land in a story of its own.")
  boolean fast;

  @Option(names = "--semantic", description = "Embed every article's headline and lead (MiniLM) and blend the "
      + "similarity into every story decision, not only the ambiguous ones: at the embedder's pace (~230 "
      + "articles/s on 2 cores).")
  boolean semantic;

  @picocli.CommandLine.Mixin
  GroupingOptions grouping = new GroupingOptions();

  @Option(names = "--no-outlet-profiles", hidden = true, description = "Keep no outlet figures (for measuring what "
      + "they cost; `parallax outlets` then lacks this run's articles).")
  boolean noOutletProfiles;

  @Option(names = "--no-story-claims", hidden = true, description = "Skip the separate pass over shared stories "
      + "(unique and omitted claims of the outlet profiles), for measuring what it costs.")
  boolean noStoryClaims;

  @Option(names = "--no-story-conflicts", hidden = true, description = "Run the pass over shared stories without "
      + "looking for conflicts between outlets, for measuring what they cost.")
  boolean noStoryConflicts;

  @Option(names = "--feed", paramLabel = "URL", description = "Poll this RSS/Atom feed and fetch its articles "
      + "(repeatable). Obeys robots.txt, waits between requests to one host, asks conditionally, backs off.")
  List<URI> feeds = new ArrayList<>();

  @Option(names = "--polls", defaultValue = "0", description = "With --feed: number of polls; 0 polls until "
      + "interrupted (default: ${DEFAULT-VALUE})")
  int polls;

  @Option(names = "--interval", defaultValue = "PT15M", description = "With --feed: time between polls, ISO-8601 "
      + "(default: ${DEFAULT-VALUE})")
  Duration interval;

  @Option(names = "--host-delay", defaultValue = "PT2S", description = "With --feed: least time between two "
      + "requests to one host; a longer robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE})")
  Duration hostDelay;

  @Option(names = "--timeout", defaultValue = "PT20S", description = "With --feed: time allowed per request "
      + "attempt (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--batch", defaultValue = "" + CorpusIngester.Settings.DEFAULT_BATCH, description = "Articles per commit (default: ${DEFAULT-VALUE})")
  int batch;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (paths.isEmpty() && feeds.isEmpty()) {
      err.println("ingest: give at least one PATH or --feed URL");
      return ExitCodes.USAGE;
    }
    for (URI f : feeds) {
      if (f.getScheme() == null || !f.getScheme().matches("https?") || f.getHost() == null) {
        err.println("ingest: --feed " + f + " is not an http(s) URL");
        return ExitCodes.USAGE;
      }
    }
    if (fast && semantic) {
      err.println("ingest: --fast and --semantic exclude each other");
      return ExitCodes.USAGE;
    }
    long start = System.nanoTime();
    InputReader reader = new InputReader(ParallaxConfig.defaults());
    long totalBytes = InputReader.totalBytes(paths);
    CorpusIngester.Settings d = CorpusIngester.Settings.defaults();
    org.parallax.stories.StoryClusterer.Params sp = grouping.apply(d.stories());
    CorpusIngester.Settings settings = new CorpusIngester.Settings(sp, d.copies(), batch, d.vectorTerms(),
        d.dfSlots());
    CorpusIngester.Counts c;
    try (CorpusStore s = CorpusStore.open(store)) {
      long[] lastReport = {start};
      CorpusIngester.Grouping mode = fast ? CorpusIngester.Grouping.FAST
          : semantic ? CorpusIngester.Grouping.SEMANTIC : CorpusIngester.Grouping.DEFAULT;
      NlpModels models = NlpModels.load();
      // --semantic embeds every article with MiniLM; the default grouping with the encoder PARALLAX_LEAD_ENCODER
      // chooses (the distilled one when unset)
      org.parallax.align.Embedder embedder = fast ? null
          : semantic ? new org.parallax.align.MiniLmEmbedder() : org.parallax.stories.LeadEncoder.forDefaultGrouping();
      CorpusIngester ingester = new CorpusIngester(s, models, settings, mode, embedder,
          skipped -> err.println("skipped: " + skipped.path() + ": " + skipped.reason()));
      if (noOutletProfiles) {
        ingester.withoutOutletProfiles();
      }
      DecisionTrace trace = grouping.trace();
      if (trace != null) {
        ingester.traceDecisions(trace);
      }
      reader.stream(paths, doc -> {
        ingester.accept(doc);
        long now = System.nanoTime();
        if (now - lastReport[0] > 2_000_000_000L) {
          lastReport[0] = now;
          progress(err, ingester.counts(), now - start, reader.bytesRead(), totalBytes);
        }
      }, ingester::skip);
      if (!feeds.isEmpty()) {
        pollFeeds(s, ingester, err);
      }
      ingester.close();
      if (trace != null) {
        trace.close();
      }
      c = ingester.counts();
      double secs = (System.nanoTime() - start) / 1e9;
      err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %d skipped, %d copies found, %d new "
              + "stories in %.1f s (%.0f articles/s); store %s holds %d articles%s%n", c.read(), c.added(),
          c.duplicates(), c.skipped(), c.copies(), c.storiesOpened(), secs, c.read() / secs, store, s.size(),
          fast ? "" : String.format(Locale.ROOT, "; %d articles' headline and lead embedded (texts embedded ahead "
              + "%d, late %d, used %d; %d settled by the headline gate)", ingester.embedded(),
          ingester.embeddingCalls()[0], ingester.embeddingCalls()[1], ingester.embeddingCalls()[2],
          ingester.gatedOut()));
      if (ingester.embeddedAgain() > 0) {
        err.printf(Locale.ROOT, "ingest: %d stories grouped by an earlier encoder were embedded again from their "
            + "headline%n", ingester.embeddedAgain());
      }
      if (!noOutletProfiles && !noStoryClaims) {
        // MiniLM, which the conflicts' thresholds were measured with: the ingest's when it is MiniLM (loaded
        // already), else one made only if a conflict needs it.
        org.parallax.outlets.StoryClaimsPass.Counts pc = org.parallax.outlets.StoryClaimsPass.run(s, models,
            org.parallax.outlets.StoryClaims.Params.defaults(), noStoryConflicts ? null
                : embedder != null && org.parallax.align.Embedder.MINILM.equals(embedder.space()) ? () -> embedder
                : org.parallax.align.MiniLmEmbedder::new);
        err.printf(Locale.ROOT, "outlet claims: %d shared stories (3+ outlets), %d analysed now (%d articles%s) in "
            + "%.1f s (%.1f%% of the ingest's %.1f s)%n", pc.shared(), pc.analysed(), pc.articles(),
            OutletsCommand.conflictCounts(pc, noStoryConflicts), pc.seconds(), 100 * pc.seconds() / secs, secs);
      }
    } catch (java.io.IOException e) {
      err.println("ingest: cannot write " + grouping.traceFile() + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    err.flush();
    if (c.read() == 0 && feeds.isEmpty()) { // a poll that finds nothing new is not a failure
      return ExitCodes.NOTHING_ANALYSED;
    }
    return c.skipped() == 0 ? ExitCodes.OK : ExitCodes.SOME_SKIPPED;
  }

  /** Polls the feeds, committing after every poll so an interrupted poller keeps what it fetched. */
  private void pollFeeds(CorpusStore s, CorpusIngester ingester, PrintWriter err) {
    PoliteFetcher.Settings d = PoliteFetcher.Settings.defaults();
    PoliteFetcher fetcher = new PoliteFetcher(new PoliteFetcher.Settings(d.userAgent(), d.robotName(), hostDelay,
        d.maxCrawlDelay(), timeout, d.attempts(), d.firstBackoff(), d.maxBytes()));
    FeedPoller poller = new FeedPoller(fetcher, s::hasCommittedUrl);
    try {
      poller.run(feeds, polls, interval, new FeedPoller.Listener() {
        @Override
        public void article(Document doc) {
          ingester.accept(doc);
        }

        @Override
        public void skipped(Skipped skipped) {
          ingester.skip(skipped);
        }

        @Override
        public void pollDone(FeedPoller.Poll p) {
          ingester.commit();
          CorpusIngester.Counts c = ingester.counts();
          err.printf(Locale.ROOT, "poll %d: %d feeds read, %d unchanged, %d failed; %d new entries, %d articles "
                  + "fetched; store total: %d added, %d already stored%s%n", p.number(), p.feedsRead(),
              p.feedsUnchanged(), p.feedsFailed(), p.entries(), p.articles(), c.added(), c.duplicates(),
              polls == 1 || p.number() == polls ? "" : "; next poll in " + interval.toString().substring(2)
                  .toLowerCase(Locale.ROOT) + " (Ctrl-C stops; everything so far is saved)");
          err.flush();
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One progress line: counts, rate, and an ETA from the share of input bytes consumed. */
  static void progress(PrintWriter err, CorpusIngester.Counts c, long nanos, long bytes, long totalBytes) {
    double secs = nanos / 1e9;
    String eta = "";
    if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
      long left = Math.round(secs * (totalBytes - bytes) / bytes);
      eta = String.format(Locale.ROOT, ", %d%% of input, ETA %d:%02d", 100 * bytes / totalBytes, left / 60,
          left % 60);
    }
    err.printf(Locale.ROOT, "ingest: %d read, %d added, %d already stored, %.0f articles/s%s%n", c.read(),
        c.added(), c.duplicates(), c.read() / secs, eta);
    err.flush();
  }
}
