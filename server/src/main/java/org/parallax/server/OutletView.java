package org.parallax.server;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parallax.ParallaxException;
import org.parallax.outlets.OutletLedger;
import org.parallax.outlets.OutletProfile;
import org.parallax.outlets.OutletProfiles;
import org.parallax.store.CorpusStore;

/**
 * The outlet profiles of the served store: read once per version of the store (the ledger file and the stories),
 * with each outlet's profile and each figure's corpus median computed once per version and period.
 */
final class OutletView {
  private final CorpusStore store;
  private long version = -1;
  /** Size of the claims log when last read: the separate pass appends to it without a new store version. */
  private long claimsBytes = -1;
  private OutletProfiles profiles;
  private boolean present;
  private final Map<String, OutletProfile> byKey = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<String, Double>> medians = new ConcurrentHashMap<>();

  OutletView(CorpusStore store) {
    this.store = store;
  }

  /** False when the store was ingested before outlet figures were kept. */
  synchronized boolean present() {
    current();
    return present;
  }

  /** What rendered pages are cached by: the store's version and the claims log's size. */
  synchronized String key() {
    current();
    return version + ":" + claimsBytes;
  }

  synchronized OutletProfiles profiles() {
    current();
    return profiles;
  }

  OutletProfile profile(String outlet, String from, String to) {
    OutletProfiles p = profiles();
    String name = p.resolve(outlet);
    if (name == null) {
      return null;
    }
    return byKey.computeIfAbsent(name + "\t" + from + "\t" + to, k -> p.profile(name, from, to));
  }

  TreeMap<String, Double> median(String figure, String from, String to) {
    OutletProfiles p = profiles();
    return medians.computeIfAbsent(figure + "\t" + from + "\t" + to, k -> p.medians(figure, from, to));
  }

  List<Map.Entry<String, Integer>> outlets(String from, String to, int min) {
    return profiles().outlets(from, to, min);
  }

  CorpusStore store() {
    return store;
  }

  private void current() {
    long v = store.version();
    long cb = claimsBytes();
    if (v == version && cb == claimsBytes && profiles != null) {
      return;
    }
    try {
      present = OutletLedger.present(store.directory());
      profiles = OutletProfiles.load(store.directory(), store.stories(null));
    } catch (IOException e) {
      throw new ParallaxException("cannot read the outlet figures of the store: " + e.getMessage(), e);
    }
    byKey.clear();
    medians.clear();
    version = v;
    claimsBytes = cb;
  }

  private long claimsBytes() {
    try {
      java.nio.file.Path f = store.directory().resolve(org.parallax.outlets.OutletClaims.LOG);
      return java.nio.file.Files.exists(f) ? java.nio.file.Files.size(f) : 0;
    } catch (IOException e) {
      return -2;
    }
  }
}
