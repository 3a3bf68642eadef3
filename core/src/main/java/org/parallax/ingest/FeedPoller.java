package org.parallax.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.parallax.model.Skipped;

/**
 * Polls live RSS/Atom feeds through a {@link PoliteFetcher}: each poll reads every feed (conditionally), and for
 * each entry not seen before fetches its page; when the page cannot be had (robots.txt, errors) the entry's own
 * text is used if the feed carries any. A feed that fails (timeout, 5xx, malformed XML) is reported and tried
 * again at the next poll; the other feeds go on.
 */
public final class FeedPoller {
  /** What one poll did. */
  public record Poll(int number, int feedsRead, int feedsUnchanged, int feedsFailed, int entries, int articles) {}

  /** Receives the poller's output; library code does not print. */
  public interface Listener {
    void article(Document d);

    void skipped(Skipped s);

    /** Called after each poll, before the pause: the place to commit. */
    void pollDone(Poll p);
  }

  private final PoliteFetcher fetcher;
  private final Predicate<String> alreadyStored;
  private final Set<String> seen = new HashSet<>();

  /** @param alreadyStored whether an article URL is already in the store, so its page is not fetched again */
  public FeedPoller(PoliteFetcher fetcher, Predicate<String> alreadyStored) {
    this.fetcher = fetcher;
    this.alreadyStored = alreadyStored;
  }

  /**
   * Polls every feed {@code polls} times ({@code 0}: until interrupted), {@code interval} apart.
   *
   * @throws InterruptedException when interrupted, between or during polls; finished polls have been reported
   */
  public void run(List<URI> feeds, int polls, Duration interval, Listener listener) throws InterruptedException {
    for (int n = 1; polls <= 0 || n <= polls; n++) {
      listener.pollDone(pollOnce(n, feeds, listener));
      if (polls <= 0 || n < polls) {
        Thread.sleep(interval.toMillis());
      }
    }
  }

  Poll pollOnce(int number, List<URI> feeds, Listener listener) throws InterruptedException {
    int read = 0;
    int unchanged = 0;
    int failed = 0;
    int entries = 0;
    int articles = 0;
    for (URI feed : feeds) {
      PoliteFetcher.Response r;
      try {
        r = fetcher.get(feed);
      } catch (PoliteFetcher.FetchException e) {
        failed++;
        listener.skipped(new Skipped(feed.toString(), "feed not read: " + e.getMessage()
            + "; it is tried again at the next poll"));
        continue;
      }
      if (r.notModified()) {
        unchanged++;
        continue;
      }
      List<FeedInput.Entry> list;
      try {
        list = FeedInput.parse(r.body(), feed.getHost() == null ? "feed" : feed.getHost());
      } catch (BadInputException e) {
        failed++;
        listener.skipped(new Skipped(feed.toString(), e.getMessage()));
        continue;
      }
      read++;
      for (FeedInput.Entry e : list) {
        String key = e.link() != null ? e.link() : e.id();
        if (!seen.add(key) || (e.link() != null && alreadyStored.test(e.link()))) {
          continue;
        }
        entries++;
        Document d = document(feed, e, listener);
        if (d != null) {
          articles++;
          listener.article(d);
        }
      }
    }
    return new Poll(number, read, unchanged, failed, entries, articles);
  }

  /** The entry's page when it can be fetched, else the entry's own text, else null (reported). */
  private Document document(URI feed, FeedInput.Entry e, Listener listener) throws InterruptedException {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String why;
    if (e.link() == null) {
      why = "the entry has no link";
    } else {
      try {
        URI page = feed.resolve(e.link());
        PoliteFetcher.Response r = fetcher.get(page);
        if (r.contentType() == null || r.contentType().toLowerCase(java.util.Locale.ROOT).contains("html")) {
          TextDecoder.Decoded text = TextDecoder.decodeHtml(r.body(), r.charset());
          return new Document(e.id(), page.toString(), Document.Format.HTML, text.text(), e.title(), null,
              page.toString(), e.date(), text.note(), today);
        }
        why = "its page is " + r.contentType() + ", not HTML";
      } catch (PoliteFetcher.FetchException | BadInputException ex) {
        why = ex.getMessage();
      } catch (IllegalArgumentException badLink) {
        why = "malformed link " + e.link();
      }
    }
    if (!e.html().isBlank()) {
      listener.skipped(new Skipped(String.valueOf(e.link()), "page not fetched (" + why
          + "); the feed's own text for the entry was used"));
      Document own = e.toDocument(String.valueOf(e.link()));
      return new Document(own.id(), feed.toString(), own.format(), own.content(), own.title(), own.outlet(),
          own.url(), own.date(), own.notes(), today);
    }
    listener.skipped(new Skipped(String.valueOf(e.link()), "entry skipped: page not fetched (" + why
        + ") and the feed carries no text for it"));
    return null;
  }
}
