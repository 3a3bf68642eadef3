package org.parallax.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Quote;

/**
 * The same quoted words credited to different people by different articles. Only speakers that are resolved count:
 * a named person or body found by a cue in the quote's own sentence ("X said", "said X", "according to X"); a
 * pronoun, a continued quote, a role ("the spokesman") or a sentence subject never makes a conflict, because the
 * attribution itself may be what is wrong. Names compare by surname after link garbage is removed, so "Trump",
 * "Donald Trump" and "Trump Donald John TrumpTrump" are one person; a spokesperson and the body of the same side
 * are one voice.
 */
final class SpeakerConflicts {
  private static final Pattern DIRECT = Pattern.compile("X said|X says|X told|X added|said X|says X|according to X|"
      + "X wrote|X tweeted|X stated|X declared|X insisted|X argued|X explained|told X");

  private SpeakerConflicts() {}

  static List<Conflict> detect(List<Quote> quotes) {
    List<Quote> usable = quotes.stream().filter(SpeakerConflicts::resolved).toList();
    List<Conflict> out = new ArrayList<>();
    boolean[] used = new boolean[usable.size()];
    for (int i = 0; i < usable.size(); i++) {
      Quote a = usable.get(i);
      for (int j = i + 1; j < usable.size(); j++) {
        Quote b = usable.get(j);
        if (used[j] || a.article().equals(b.article()) || !sameWords(a.text(), b.text())
            || samePerson(a.speaker(), b.speaker())) {
          continue;
        }
        if (a.side() != null && a.side().equals(b.side())) {
          continue; // a spokesman and the body or leader he speaks for
        }
        used[j] = true;
        double confidence = a.side() != null && b.side() != null ? 0.75 : 0.5;
        out.add(new Conflict("who said “" + ConflictDetector.ConflictText.clip(a.text()) + "”", "attribution",
            "speaker", List.of(a.speaker(), b.speaker()), confidence,
            "the same words are credited to different speakers: " + a.article() + " to " + a.speaker() + ", "
                + b.article() + " to " + b.speaker(),
            List.of(new Evidence(a.article(), a.text(), a.sentence()),
                new Evidence(b.article(), b.text(), b.sentence()))));
      }
    }
    return out;
  }

  /** Most of both quotes' content words in common (one may be cut shorter): the same words, not a fragment of them. */
  static boolean sameWords(String a, String b) {
    java.util.Set<String> wa = Words.content(a);
    java.util.Set<String> wb = Words.content(b);
    if (wa.size() < 4 || wb.size() < 4 || Math.min(wa.size(), wb.size()) < 0.6 * Math.max(wa.size(), wb.size())) {
      return false;
    }
    return Words.overlap(wa, wb) >= 0.8;
  }

  private static boolean resolved(Quote q) {
    return q.speaker() != null && q.cue() != null && DIRECT.matcher(q.cue()).matches()
        && Character.isUpperCase(q.speaker().charAt(0)) && !q.speaker().contains(",");
  }

  /** One person or body: the same surname (last name word), or one name inside the other. */
  static boolean samePerson(String a, String b) {
    String ka = key(a);
    String kb = key(b);
    return ka.equals(kb) || plain(a).contains(kb) || plain(b).contains(ka);
  }

  private static String plain(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  /** The surname, lower-cased; a word repeated by an inline link ("TrumpTrump") counts once. */
  static String key(String name) {
    // Accents dropped: "Rosselló" and "Rossello" are one name spelled by two outlets.
    String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String[] w = plain.replaceAll("[’']s\\b", "").split("\\s+");
    String last = w[w.length - 1].replaceAll("[^\\p{L}\\p{N}-]", "").toLowerCase(Locale.ROOT);
    int half = last.length() / 2;
    if (last.length() % 2 == 0 && half > 1 && last.substring(0, half).equals(last.substring(half))) {
      last = last.substring(0, half);
    }
    return last;
  }
}
