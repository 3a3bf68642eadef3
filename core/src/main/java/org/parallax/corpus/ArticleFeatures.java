package org.parallax.corpus;

import java.util.Arrays;
import org.parallax.clean.TextBlocks;
import org.parallax.model.Article;
import org.parallax.nlp.StopWords;
import org.parallax.reuse.Fingerprint;
import org.parallax.reuse.MinHash;
import org.parallax.reuse.WireOutlets;
import org.parallax.store.CorpusStore;
import org.parallax.stories.TermCounts;

/**
 * The cheap per-article features of corpus mode, read in one pass over the text without any NLP model: the copy
 * {@link Fingerprint} and the term counts that place an article in a story. Names are approximated as runs of
 * capitalised words (the first word of a sentence only when it is not a function word) and numbers. The content
 * hash (the store's exact-duplicate key) is computed here too, so the sequential pass does not have to.
 */
public record ArticleFeatures(Fingerprint fingerprint, TermCounts terms, String contentHash, TextBlocks blocks)
    implements java.io.Serializable {
  /** Salts that keep entity features apart from word features in the shared hash space. */
  /** Measured on NeuS train: headline words ×2 and names ×1 beat ×4 and ×2 (BENCHMARKS.md). */
  static final float TITLE_WEIGHT = 2;
  static final float ENTITY_WEIGHT = 1;
  private static final long ENTITY_SALT = 0x5A17_E0F1_7EA5_0001L;
  /** Function words by the same hash the scan computes, so checking a word needs no string. */
  private static final HashSet64 STOP_HASHES = HashSet64.of(StopWords.all().stream().mapToLong(ArticleFeatures::wordHash));

  /** FNV-1a over the lower-cased characters: the scan's word hash. */
  static long wordHash(String word) {
    long h = 0xCBF2_9CE4_8422_2325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ Character.toLowerCase(word.charAt(i))) * 0x100_0000_01B3L;
    }
    return h;
  }

  /** A fixed set of 64-bit values, open addressing. */
  private record HashSet64(long[] keys, boolean[] used) {
    static HashSet64 of(java.util.stream.LongStream values) {
      long[] v = values.toArray();
      int cap = Integer.highestOneBit(Math.max(16, v.length * 4) - 1) << 1;
      HashSet64 set = new HashSet64(new long[cap], new boolean[cap]);
      for (long x : v) {
        int s = set.slot(x);
        set.used[s] = true;
        set.keys[s] = x;
      }
      return set;
    }

    boolean contains(long x) {
      return used[slot(x)];
    }

    private int slot(long x) {
      int mask = keys.length - 1;
      int s = (int) (x ^ (x >>> 32)) & mask;
      while (used[s] && keys[s] != x) {
        s = (s + 1) & mask;
      }
      return s;
    }
  }

  public static ArticleFeatures of(Article a) {
    return of(a, a.body());
  }

  /**
   * Features with the copy fingerprint read from {@code copyText}: the body with the outlet's boilerplate blanked
   * out ({@link org.parallax.clean.Boilerplate}), which is never evidence of copying.
   */
  public static ArticleFeatures of(Article a, String copyText) {
    return of(a, copyText, WireOutlets.evidence(a.outlet(), a.body()));
  }

  /** With the copy {@link Fingerprint#evidence()} given (read before the boilerplate was removed). */
  public static ArticleFeatures of(Article a, String copyText, int evidence) {
    Scan body = new Scan(a.body());
    Scan copy = copyText.equals(a.body()) ? body : new Scan(copyText);
    TermCounts.Builder terms = new TermCounts.Builder();
    for (int i = 0; i < body.contentCount; i++) {
      terms.add(body.content[i], 1);
    }
    for (int i = 0; i < body.entityCount; i++) {
      terms.add(MinHash.mix(body.entities[i] ^ ENTITY_SALT), ENTITY_WEIGHT);
    }
    char[] titleHashes = new char[0];
    if (a.title() != null && !a.title().isBlank()) {
      Scan title = new Scan(a.title());
      titleHashes = org.parallax.reuse.SentenceAlignment.sortedDistinct(title.sketch());
      for (int i = 0; i < title.contentCount; i++) {
        terms.add(title.content[i], TITLE_WEIGHT); // the headline names the event
      }
      for (int i = 0; i < title.entityCount; i++) {
        terms.add(MinHash.mix(title.entities[i] ^ ENTITY_SALT), TITLE_WEIGHT * ENTITY_WEIGHT);
      }
    }
    long[] shingles = new long[Math.max(0, copy.wordCount - 2)];
    for (int i = 0; i + 2 < copy.wordCount; i++) {
      shingles[i] = MinHash.mix(copy.words[i] * 31 + MinHash.mix(copy.words[i + 1] * 31 + copy.words[i + 2]));
    }
    int shingleCount = shingles.length; // repeated 3-grams are rare in prose; MinHash itself ignores repeats
    long[] anchorPairs = new long[Math.max(0, copy.anchorCount - 1)];
    for (int i = 0; i + 1 < copy.anchorCount; i++) {
      anchorPairs[i] = MinHash.mix(copy.anchors[i] * 31 + copy.anchors[i + 1]);
    }
    int anchorCount = anchorPairs.length;
    long[] content = copy.content;
    int contentCount = copy.contentCount;
    Fingerprint fp = new Fingerprint(
        MinHash.signature(shingles, shingleCount, Fingerprint.SHINGLE_BINS), shingleCount,
        MinHash.signature(anchorPairs, anchorCount, Fingerprint.ANCHOR_BINS), anchorCount,
        MinHash.signature(content, contentCount, Fingerprint.WORD_BINS), contentCount, outletKey(a),
        evidence, copy.sketch(), titleHashes, relatedHeadlines(a));
    return new ArticleFeatures(fp, terms.build(), CorpusStore.contentHash(a.body()), TextBlocks.of(a.body()));
  }

  /** The sketch of the lines the cleaner removed as headlines of related articles (bounded). */
  private static char[] relatedHeadlines(Article a) {
    StringBuilder lines = new StringBuilder();
    for (org.parallax.model.Removed r : a.removed()) {
      if (r.reason().startsWith(org.parallax.clean.TextCleaner.RELATED_HEADLINE) && lines.length() < 4000) {
        lines.append(r.text()).append('\n');
      }
    }
    if (lines.length() == 0) {
      return new char[0];
    }
    char[] s = new Scan(lines.toString()).sketch();
    return s.length <= Fingerprint.MAX_RELATED ? s : Arrays.copyOf(s, Fingerprint.MAX_RELATED);
  }

  /**
   * A headline's terms as {@link #of} counts them (content words and names, once each), for comparing two
   * headlines by TF-IDF: the default grouping's gate reads it (see {@link org.parallax.stories.GatedGrouping}).
   */
  public static TermCounts headlineTerms(String title) {
    TermCounts.Builder terms = new TermCounts.Builder();
    if (title != null && !title.isBlank()) {
      Scan t = new Scan(title);
      for (int i = 0; i < t.contentCount; i++) {
        terms.add(t.content[i], 1);
      }
      for (int i = 0; i < t.entityCount; i++) {
        terms.add(MinHash.mix(t.entities[i] ^ ENTITY_SALT), ENTITY_WEIGHT);
      }
    }
    return terms.build();
  }

  /**
   * The article's outlet key: 0 when no clue names its outlet (an "unknown (file)" label is no outlet, so two such
   * articles are neither one outlet's versions nor two outlets' republications).
   */
  public static int outletKey(Article a) {
    return a.outletIdentity().known() ? outletKey(a.outlet()) : 0;
  }

  /** Words of an outlet's name that tell its desks and channels apart, not the outlet ("Fox Online News"). */
  private static final java.util.Set<String> DESK_WORDS = java.util.Set.of("online", "news", "web", "opinion", "com",
      "www");

  /**
   * The outlet as copy detection and boilerplate counting key it, 0 for none: a hash of its name's words, lower
   * case, without what is in parentheses or names a desk or channel — "Fox News", "Fox Online News" and "Fox News
   * (Online)" are one outlet, whose later version of an article is an update, not a republication. The name goes
   * through the alias list first ({@link org.parallax.clean.OutletAliases}), which outlet identity also uses; the
   * desk words cover outlets the list does not name.
   */
  public static int outletKey(String outlet) {
    if (outlet == null || outlet.isBlank()) {
      return 0;
    }
    String name = org.parallax.clean.OutletAliases.defaults().canonical(outlet).toLowerCase(java.util.Locale.ROOT).replaceAll("\\([^)]*\\)", " ");
    StringBuilder key = new StringBuilder();
    for (String w : name.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !DESK_WORDS.contains(w)) {
        key.append(w).append(' ');
      }
    }
    int h = (key.length() == 0 ? outlet.strip().toLowerCase(java.util.Locale.ROOT) : key.toString()).hashCode();
    return h == 0 ? 1 : h;
  }

  /** {@link Character#isLetterOrDigit(char)}, by table for ASCII. */
  private static boolean isWordChar(char c) {
    return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** {@link Character#toLowerCase(char)}, without a lookup for ASCII. */
  private static char lower(char c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
  }

  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /** One pass over a text: word hashes, content-word hashes, name/number anchors. */
  private static final class Scan {
    long[] words = new long[256];
    int wordCount;
    long[] content = new long[128];
    int contentCount;
    long[] anchors = new long[64];
    int anchorCount;
    long[] entities = new long[32];
    int entityCount;
    /** Sentences' content-word hashes (16 bits, never 0), each sentence closed by a 0. */
    char[] sketch = new char[256];
    int sketchLength;
    int sentenceStartsAt;

    char[] sketch() {
      endSentence();
      return Arrays.copyOf(sketch, Math.min(sketchLength, Fingerprint.MAX_SKETCH));
    }

    private void sketchWord(long h) {
      if (sketchLength == sketch.length) {
        sketch = Arrays.copyOf(sketch, sketch.length * 2);
      }
      char c = (char) (h ^ (h >>> 16) ^ (h >>> 32) ^ (h >>> 48));
      sketch[sketchLength++] = c == 0 ? 1 : c;
    }

    /** Closes the sentence being read: kept when it has three content words or more, else dropped. */
    private void endSentence() {
      if (sketchLength - sentenceStartsAt < 3) {
        sketchLength = sentenceStartsAt;
        return;
      }
      if (sketchLength == sketch.length) {
        sketch = Arrays.copyOf(sketch, sketch.length * 2);
      }
      sketch[sketchLength++] = 0;
      sentenceStartsAt = sketchLength;
    }

    Scan(String s) {
      char[] text = s.toCharArray(); // array reads: no bounds or coder checks per character
      int n = text.length;
      int i = 0;
      boolean sentenceStart = true;
      long openAnchor = 0;
      boolean anchorOpen = false;
      boolean anchorIsName = false;
      int lastWordEnd = -1;
      boolean lastWasDigits = false;
      while (i < n) {
        char c = text[i];
        if (!isWordChar(c)) {
          if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '\u201C') {
            // a decimal point or thousands separator inside a number does not end a sentence
            boolean inNumber = lastWasDigits && lastWordEnd == i && i + 1 < n && Character.isDigit(text[i + 1]);
            if (!inNumber) {
              sentenceStart = true;
              if (c == '.' || c == '!' || c == '?' || c == '\n') {
                endSentence();
              }
            }
          }
          i++;
          continue;
        }
        int start = i;
        long h = 0xCBF2_9CE4_8422_2325L;
        boolean digits = Character.isDigit(c);
        while (i < n && isWordChar(text[i])) {
          h = (h ^ lower(text[i])) * 0x100_0000_01B3L;
          i++;
        }
        boolean stop = STOP_HASHES.contains(h);
        words = push(words, wordCount++, h);
        boolean capital = Character.isUpperCase(c);
        boolean anchor = digits || (capital && !stop && (i - start) > 1);
        // what separates this word from the previous one decides whether it continues a name or a number
        boolean adjacent = lastWordEnd >= 0 && (
            (start - lastWordEnd == 1 && text[lastWordEnd] == ' ' && !sentenceStart)
            || (digits && lastWasDigits && start - lastWordEnd == 1
                && (text[lastWordEnd] == ',' || text[lastWordEnd] == '.')));
        if (anchor && anchorOpen && adjacent) {
          openAnchor = openAnchor * 0x100_0000_01B3L ^ h;
        } else {
          closeAnchor(anchorOpen, openAnchor, anchorIsName);
          anchorOpen = anchor;
          anchorIsName = anchor && !digits;
          openAnchor = h;
        }
        if (!digits && !stop && i - start >= 3) {
          content = push(content, contentCount++, h);
          sketchWord(h);
        } else if (digits) {
          sketchWord(h);
        }
        lastWordEnd = i;
        lastWasDigits = digits;
        sentenceStart = false;
      }
      closeAnchor(anchorOpen, openAnchor, anchorIsName);
    }

    private void closeAnchor(boolean open, long hash, boolean isName) {
      if (!open) {
        return;
      }
      anchors = push(anchors, anchorCount++, hash);
      if (isName) {
        entities = push(entities, entityCount++, hash);
      }
    }

    private static long[] push(long[] array, int index, long value) {
      if (index == array.length) {
        array = Arrays.copyOf(array, array.length * 2);
      }
      array[index] = value;
      return array;
    }
  }
}
