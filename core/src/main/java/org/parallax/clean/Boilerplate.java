package org.parallax.clean;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.parallax.model.Article;
import org.parallax.model.Removed;

/**
 * Corpus-level boilerplate, learned as articles are ingested: a block (sentence or line, see {@link TextBlocks})
 * that one outlet has printed in articles of several different stories is the outlet's, not the article's — photo
 * gallery captions, author bios, newsletter and donation pleas, legal notes. Counting distinct stories rather than
 * articles keeps an outlet's successive versions of one story (which share most of their text) from turning each
 * other into boilerplate.
 * <ul>
 *   <li>A block seen in at least {@code exclude} earlier stories of the outlet is never evidence of copying.</li>
 *   <li>A paragraph made (for at least {@value #PARAGRAPH_SHARE} of its characters) of blocks seen in at least
 *       {@code remove} earlier stories is removed from the body, kept in {@code removed} with its reason — unless
 *       it quotes someone at length (eight words or more between quotation marks): an outlet that prints the same
 *       statement in several stories is reporting it, and on AllSides such paragraphs were the only article text
 *       this removed (BENCHMARKS.md, issue 18).</li>
 * </ul>
 * Memory is bounded: hashed (outlet, block) keys in an open-addressing table of {@code slots}; when it is three
 * quarters full the blocks seen only once are forgotten (they are most of it: boilerplate repeats).
 */
public final class Boilerplate {
  static final double PARAGRAPH_SHARE = 0.8;
  public static final int DEFAULT_SLOTS = 1 << 20;

  /** What one article's blocks are, given what the outlet printed before. */
  public record Verdict(boolean[] excluded, Article cleaned, String copyText, java.util.BitSet dropped) {
    /** Whether anything was found: otherwise the article and its features stand as they are. */
    public boolean any() {
      for (boolean b : excluded) {
        if (b) {
          return true;
        }
      }
      return false;
    }
  }

  private final int exclude;
  private final int remove;
  private long[] keys;
  private int[] counts;
  private int[] lastStory;
  private int used;

  public Boilerplate(int slots, int exclude, int remove) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.exclude = exclude;
    this.remove = remove;
    keys = new long[slots];
    counts = new int[slots];
    lastStory = new int[slots];
  }

  /** Measured on AllSides (BENCHMARKS.md, issue 18). */
  public static Boilerplate defaults() {
    return new Boilerplate(DEFAULT_SLOTS, 2, 3);
  }

  private static long key(int outlet, long block) {
    long k = (block * 0x9E37_79B9_7F4A_7C15L) ^ outlet;
    return k == 0 ? 1 : k;
  }

  private int slot(long k) {
    int mask = keys.length - 1;
    int s = (int) (k ^ (k >>> 29)) & mask;
    while (keys[s] != 0 && keys[s] != k) {
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Distinct earlier stories of the outlet that printed this block. */
  int count(int outlet, long block) {
    int s = slot(key(outlet, block));
    return keys[s] == 0 ? 0 : counts[s];
  }

  /** Judges an article's blocks against what its outlet printed in earlier stories. */
  public Verdict judge(Article a, int outlet, TextBlocks blocks) {
    boolean[] excluded = new boolean[blocks.size()];
    boolean[] removable = new boolean[blocks.size()];
    boolean any = false;
    for (int i = 0; i < blocks.size(); i++) {
      long k = blocks.keys()[i];
      if (k != 0 && outlet != 0) {
        int c = count(outlet, k);
        excluded[i] = c >= exclude;
        removable[i] = c >= remove;
        any |= excluded[i];
      }
    }
    if (!any) {
      return new Verdict(excluded, a, a.body(), new java.util.BitSet());
    }
    String body = a.body();
    // Paragraphs to remove: most of their characters in removable blocks.
    int paragraphs = blocks.size() == 0 ? 0 : blocks.paragraph()[blocks.size() - 1] + 1;
    long[] total = new long[paragraphs];
    long[] boiler = new long[paragraphs];
    int[] from = new int[paragraphs];
    int[] to = new int[paragraphs];
    java.util.Arrays.fill(from, Integer.MAX_VALUE);
    for (int i = 0; i < blocks.size(); i++) {
      int p = blocks.paragraph()[i];
      int len = blocks.ends()[i] - blocks.starts()[i];
      total[p] += len;
      if (removable[i]) {
        boiler[p] += len;
      }
      from[p] = Math.min(from[p], blocks.starts()[i]);
      to[p] = Math.max(to[p], blocks.ends()[i]);
    }
    StringBuilder kept = new StringBuilder(body.length());
    StringBuilder copyText = new StringBuilder(body.length());
    List<Removed> removed = new ArrayList<>(a.removed());
    java.util.BitSet dropped = new java.util.BitSet();
    int b = 0;
    for (int p = 0; p < paragraphs; p++) {
      if (from[p] == Integer.MAX_VALUE) {
        continue;
      }
      if (total[p] > 0 && boiler[p] >= PARAGRAPH_SHARE * total[p] && !quotesAtLength(body, from[p], to[p])) {
        removed.add(new Removed(body.substring(from[p], to[p]).strip(), reason(a, remove)));
        dropped.set(p);
        while (b < blocks.size() && blocks.paragraph()[b] == p) {
          b++;
        }
        continue;
      }
      if (kept.length() > 0) {
        kept.append("\n\n");
        copyText.append("\n\n");
      }
      int start = kept.length();
      kept.append(body, from[p], to[p]);
      copyText.append(body, from[p], to[p]);
      // blank out the excluded blocks of a kept paragraph in the text copy detection sees
      for (; b < blocks.size() && blocks.paragraph()[b] == p; b++) {
        if (excluded[b]) {
          for (int c = blocks.starts()[b] - from[p]; c < blocks.ends()[b] - from[p]; c++) {
            copyText.setCharAt(start + c, c == blocks.starts()[b] - from[p] ? '\n' : ' ');
          }
        }
      }
    }
    Article cleaned = removed.size() == a.removed().size() ? a
        : new Article(a.id(), a.path(), a.outlet(), a.url(), a.title(), a.date(), a.byline(), a.language(),
            kept.toString(), removed);
    return new Verdict(excluded, cleaned, cleaned == a ? blankOut(body, blocks, excluded) : copyText.toString(),
        dropped);
  }

  private static String reason(Article a, int remove) {
    return "boilerplate: printed by " + a.outlet() + " in " + remove + "+ other stories";
  }

  /**
   * The article without the paragraphs {@link Verdict#dropped()} names, as {@link #judge} cleaned it: for a
   * cluster, whose workers rebuild the stored article from the prepared one and the driver's verdict.
   */
  public static Article withoutParagraphs(Article a, java.util.BitSet dropped) {
    if (dropped.isEmpty()) {
      return a;
    }
    TextBlocks blocks = TextBlocks.of(a.body());
    int paragraphs = blocks.size() == 0 ? 0 : blocks.paragraph()[blocks.size() - 1] + 1;
    int[] from = new int[paragraphs];
    int[] to = new int[paragraphs];
    java.util.Arrays.fill(from, Integer.MAX_VALUE);
    for (int i = 0; i < blocks.size(); i++) {
      int p = blocks.paragraph()[i];
      from[p] = Math.min(from[p], blocks.starts()[i]);
      to[p] = Math.max(to[p], blocks.ends()[i]);
    }
    StringBuilder kept = new StringBuilder(a.body().length());
    List<Removed> removed = new ArrayList<>(a.removed());
    for (int p = 0; p < paragraphs; p++) {
      if (from[p] == Integer.MAX_VALUE) {
        continue;
      }
      if (dropped.get(p)) {
        removed.add(new Removed(a.body().substring(from[p], to[p]).strip(), reason(a, Boilerplate.defaults().remove)));
        continue;
      }
      if (kept.length() > 0) {
        kept.append("\n\n");
      }
      kept.append(a.body(), from[p], to[p]);
    }
    return new Article(a.id(), a.path(), a.outlet(), a.url(), a.title(), a.date(), a.byline(), a.language(),
        kept.toString(), removed);
  }

  /** Whether the text holds a quotation of eight words or more. */
  static boolean quotesAtLength(String text, int from, int to) {
    int open = -1;
    int words = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\u201C' || (c == '"' && open < 0)) {
        open = i;
        words = 1;
      } else if (open >= 0 && (c == '\u201D' || c == '"')) {
        if (words >= 8) {
          return true;
        }
        open = -1;
      } else if (open >= 0 && c == ' ') {
        words++;
      }
    }
    return open >= 0 && words >= 8; // a quotation running on to the next paragraph
  }

  private static String blankOut(String body, TextBlocks blocks, boolean[] excluded) {
    char[] c = body.toCharArray();
    for (int i = 0; i < blocks.size(); i++) {
      if (excluded[i]) {
        for (int k = blocks.starts()[i]; k < blocks.ends()[i]; k++) {
          c[k] = k == blocks.starts()[i] ? '\n' : ' ';
        }
      }
    }
    return new String(c);
  }

  /** Counts the article's blocks under its outlet and story (once per story however often they recur). */
  public void learn(int outlet, int story, TextBlocks blocks) {
    if (outlet == 0) {
      return;
    }
    for (long block : blocks.keys()) {
      if (block == 0) {
        continue;
      }
      long k = key(outlet, block);
      int s = slot(k);
      if (keys[s] == 0) {
        keys[s] = k;
        counts[s] = 1;
        lastStory[s] = story;
        if (++used > keys.length * 3L / 4) {
          forgetSingles();
        }
      } else if (lastStory[s] != story) {
        counts[s]++;
        lastStory[s] = story;
      }
    }
  }

  private void forgetSingles() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    int[] oldStories = lastStory;
    keys = new long[oldKeys.length];
    counts = new int[oldKeys.length];
    lastStory = new int[oldKeys.length];
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && oldCounts[i] > 1) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        counts[s] = oldCounts[i];
        lastStory[s] = oldStories[i];
        used++;
      }
    }
  }

  /** Writes the table next to the store, atomically (write, then rename). */
  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ByteBuffer buf = ByteBuffer.allocate(8 + 16 * used);
    buf.putInt(keys.length).putInt(used);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        buf.putLong(keys[i]).putInt(counts[i]).putInt(lastStory[i]);
      }
    }
    Files.write(tmp, buf.array());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a saved table into this one; a missing file leaves it empty. */
  public void load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
    buf.getInt();
    int n = buf.getInt();
    for (int i = 0; i < n && buf.remaining() >= 16; i++) {
      long k = buf.getLong();
      int s = slot(k);
      if (keys[s] == 0) {
        used++;
      }
      keys[s] = k;
      counts[s] = buf.getInt();
      lastStory[s] = buf.getInt();
      if (used > keys.length * 3L / 4) {
        forgetSingles();
      }
    }
  }
}
