package org.parallax.nlp;

import java.util.Locale;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * ISO 639-1 language of a text. English function words settle the common case cheaply and reliably even for short
 * texts; otherwise OpenNLP's 103-language model decides. Not thread-safe.
 */
public final class LanguageIdentifier {
  private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "that", "for", "it",
      "was", "on", "with", "he", "as", "his", "at", "by", "said", "from", "have", "has", "be", "are", "this", "an",
      "they", "were", "which", "would", "will", "not", "but", "had", "their", "who", "been");
  private final LanguageDetectorME detector;

  public LanguageIdentifier(NlpModels models) {
    this.detector = new LanguageDetectorME(models.languages);
  }

  public String identify(String text) {
    String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
    int words = 0;
    int english = 0;
    // Letter runs, as the regex \p{L}+ would find them, without a regex: this runs on every ingested article.
    int n = sample.length();
    for (int i = 0; i < n; ) {
      if (!Character.isLetter(sample.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(sample.charAt(i))) {
        i++;
      }
      words++;
      if (i - start <= 5 && ENGLISH.contains(sample.substring(start, i).toLowerCase(Locale.ROOT))) {
        english++;
      }
    }
    if (words == 0) {
      return "und";
    }
    if (english >= 0.18 * words) {
      return "en";
    }
    Language best = detector.predictLanguage(sample);
    return toIso1(best.getLang());
  }

  static String toIso1(String iso3) {
    for (String code : Locale.getISOLanguages()) {
      if (new Locale(code).getISO3Language().equals(iso3)) {
        return code;
      }
    }
    return iso3;
  }
}
