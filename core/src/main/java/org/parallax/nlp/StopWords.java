package org.parallax.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** English function words (bundled list), left out wherever only content words should count. */
public final class StopWords {
  private static final Set<String> WORDS = load();

  private StopWords() {}

  /** Whether the lower-cased word is a function word. */
  public static boolean contains(String lowerCaseWord) {
    return WORDS.contains(lowerCaseWord);
  }

  /** The whole list. */
  public static Set<String> all() {
    return WORDS;
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (var in = StopWords.class.getResourceAsStream("stopwords-en.txt");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
