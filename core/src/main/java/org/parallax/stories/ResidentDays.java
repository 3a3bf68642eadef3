package org.parallax.stories;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Which days a windowed in-memory index holds completely, least recently used first; missing day ranges are
 * loaded through a callback the first time they are needed. Shared by story clustering and copy detection.
 */
public final class ResidentDays {
  /** Loads everything dated within an inclusive day range. */
  public interface RangeLoader {
    void load(long fromDay, long toDay);
  }

  private final LinkedHashMap<Long, Boolean> days = new LinkedHashMap<>(1024, 0.75f, true);

  /** Makes every day of {@code [lo, hi]} resident, loading each missing run of days once. */
  public void ensure(long lo, long hi, RangeLoader loader) {
    long start = 0;
    boolean inGap = false;
    for (long d = lo; ; d++) {
      boolean missing = days.get(d) == null; // get() also refreshes the day's place in the LRU order
      if (missing && !inGap) {
        start = d;
        inGap = true;
      } else if (!missing && inGap) {
        load(start, d - 1, loader);
        inGap = false;
      }
      if (d == hi) {
        break;
      }
    }
    if (inGap) {
      load(start, hi, loader);
    }
  }

  public boolean contains(long day) {
    return days.containsKey(day);
  }

  /** Resident days, least recently used first; removing through the iterator makes a day non-resident. */
  public Iterator<Long> oldestFirst() {
    return days.keySet().iterator();
  }

  private void load(long from, long to, RangeLoader loader) {
    loader.load(from, to);
    for (long d = from; ; d++) {
      days.put(d, Boolean.TRUE);
      if (d == to) {
        break;
      }
    }
  }
}
