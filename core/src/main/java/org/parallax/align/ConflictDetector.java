package org.parallax.align;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parallax.model.Claim;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Quantity;
import org.parallax.model.Quote;

/**
 * Statements of different articles that cannot both be true or that credit things differently:
 * <ul>
 *   <li>numbers: sentences on the same topic giving different values for the same counted noun;</li>
 *   <li>negation: near-identical sentences where one affirms and the other negates;</li>
 *   <li>attribution: one claim credited to different sources;</li>
 *   <li>speaker: the same quoted words given to different speakers.</li>
 * </ul>
 */
public final class ConflictDetector {
  private final double topicSimilarity;
  private final double sameClaimSimilarity;
  private final double tolerance;

  public ConflictDetector(double topicSimilarity, double sameClaimSimilarity, double tolerance) {
    this.topicSimilarity = topicSimilarity;
    this.sameClaimSimilarity = sameClaimSimilarity;
    this.tolerance = tolerance;
  }

  public List<Conflict> detect(List<Claim> claims, ClaimVectors vectors, ClaimAligner.Alignment alignment,
                               List<Quote> quotes) {
    List<Conflict> out = new ArrayList<>();
    numbers(claims, vectors, out);
    negations(claims, vectors, out);
    attributions(alignment, out);
    speakers(quotes, out);
    return out;
  }

  private void numbers(List<Claim> claims, ClaimVectors vectors, List<Conflict> out) {
    // Conflicting statements per counted noun, merged so three outlets with three figures make one conflict.
    Map<String, Map<Claim, Quantity>> byUnit = new LinkedHashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim a = claims.get(i);
      for (int j = i + 1; j < claims.size(); j++) {
        Claim b = claims.get(j);
        if (a.article().equals(b.article()) || a.numbers().isEmpty() || b.numbers().isEmpty()) {
          continue;
        }
        for (Quantity qa : a.numbers()) {
          for (Quantity qb : b.numbers()) {
            if (!qa.unit().equals(qb.unit()) || qa.quoted() != qb.quoted() || agrees(qa, qb)
                || agreesWithAny(qa, b) || agreesWithAny(qb, a)) {
              continue;
            }
            if (vectors.similarity(a, b) < topicSimilarity) {
              continue;
            }
            Map<Claim, Quantity> m = byUnit.computeIfAbsent(qa.unit(), k -> new LinkedHashMap<>());
            m.putIfAbsent(a, qa);
            m.putIfAbsent(b, qb);
          }
        }
      }
    }
    for (Map.Entry<String, Map<Claim, Quantity>> e : byUnit.entrySet()) {
      List<Evidence> statements = new ArrayList<>();
      List<String> says = new ArrayList<>();
      for (Map.Entry<Claim, Quantity> cq : e.getValue().entrySet()) {
        statements.add(Evidence.of(cq.getKey()));
        says.add(cq.getKey().article() + ": " + cq.getValue().text());
      }
      out.add(new Conflict("number of " + plural(e.getKey()), "number",
          "different figures for the same quantity — " + String.join("; ", says), statements));
    }
  }

  private boolean agrees(Quantity a, Quantity b) {
    double max = Math.max(Math.abs(a.value()), Math.abs(b.value()));
    return max == 0 || Math.abs(a.value() - b.value()) / max <= tolerance;
  }

  private boolean agreesWithAny(Quantity q, Claim other) {
    for (Quantity o : other.numbers()) {
      if (o.unit().equals(q.unit()) && agrees(o, q)) {
        return true;
      }
    }
    return false;
  }

  private void negations(List<Claim> claims, ClaimVectors vectors, List<Conflict> out) {
    for (int i = 0; i < claims.size(); i++) {
      Claim a = claims.get(i);
      for (int j = i + 1; j < claims.size(); j++) {
        Claim b = claims.get(j);
        if (a.article().equals(b.article()) || a.negated() == b.negated()) {
          continue;
        }
        if (vectors.similarity(a, b) >= sameClaimSimilarity && overlap(a.text(), b.text()) >= 0.5) {
          Claim neg = a.negated() ? a : b;
          Claim pos = a.negated() ? b : a;
          out.add(new Conflict(topicWords(pos.text()), "negation",
              pos.article() + " states it; " + neg.article() + " says the opposite",
              List.of(Evidence.of(pos), Evidence.of(neg))));
        }
      }
    }
  }

  private void attributions(ClaimAligner.Alignment alignment, List<Conflict> out) {
    for (ClaimGroup g : alignment.groups()) {
      List<Claim> members = alignment.members().get(g);
      if (members.size() < 2) {
        continue;
      }
      // Credits compare by side: "the Kremlin" and "Putin's aide Ushakov" are one source, "Sullivan" another.
      Map<String, Claim> bySource = new LinkedHashMap<>();
      for (Claim c : members) {
        if (c.attributedTo() != null && c.creditSide() != null) {
          bySource.putIfAbsent(c.creditSide(), c);
        }
      }
      if (bySource.size() >= 2) {
        List<Evidence> ev = new ArrayList<>();
        List<String> says = new ArrayList<>();
        for (Claim c : bySource.values()) {
          ev.add(Evidence.of(c));
          says.add(c.article() + " credits " + c.attributedTo() + " (" + c.creditSide() + ")");
        }
        out.add(new Conflict(topicWords(g.text()), "attribution",
            "the same claim is credited to different sources — " + String.join("; ", says), ev));
      }
    }
  }

  /** Quotes of different articles with (nearly) the same words, grouped; a group with two voices is a conflict. */
  private void speakers(List<Quote> quotes, List<Conflict> out) {
    List<Quote> usable = quotes.stream()
        .filter(q -> q.speaker() != null && q.text().split("\\s+").length >= 4).toList();
    boolean[] used = new boolean[usable.size()];
    for (int i = 0; i < usable.size(); i++) {
      if (used[i]) {
        continue;
      }
      List<Quote> group = new ArrayList<>(List.of(usable.get(i)));
      used[i] = true;
      for (int j = i + 1; j < usable.size(); j++) {
        if (!used[j] && overlap(usable.get(i).text(), usable.get(j).text()) >= 0.8) {
          group.add(usable.get(j));
          used[j] = true;
        }
      }
      if (group.stream().map(Quote::article).distinct().count() < 2) {
        continue;
      }
      Map<String, Quote> bySpeaker = new LinkedHashMap<>();
      Set<String> sidesSeen = new HashSet<>();
      boolean unknownSide = false;
      for (Quote q : group) {
        bySpeaker.putIfAbsent(sourceKey(q.speaker()), q);
        if (q.side() == null) {
          unknownSide = true;
        } else {
          sidesSeen.add(q.side());
        }
      }
      // A spokesman and the body he speaks for are one voice: only different sides (or unknown ones) conflict.
      if (bySpeaker.size() < 2 || (!unknownSide && sidesSeen.size() < 2)) {
        continue;
      }
      List<Evidence> ev = new ArrayList<>();
      List<String> says = new ArrayList<>();
      for (Quote q : group) {
        ev.add(new Evidence(q.article(), q.text(), q.sentence()));
        says.add(q.article() + ": " + q.speaker());
      }
      out.add(new Conflict("who said “" + clip(group.get(0).text()) + "”", "speaker",
          "the same words are given to different speakers — " + String.join("; ", says), ev));
    }
  }

  /** Sources compare by their last word ("Jake Sullivan" = "Sullivan"; "the Kremlin" = "Kremlin"). */
  static String sourceKey(String source) {
    String[] w = source.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").split("\\s+");
    return w[w.length - 1].replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Share of the shorter text's content words that the other text also has. */
  static double overlap(String a, String b) {
    Set<String> wa = words(a);
    Set<String> wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : wa) {
      if (wb.contains(w)) {
        common++;
      }
    }
    return common / (double) Math.min(wa.size(), wb.size());
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) {
        out.add(w);
      }
    }
    return out;
  }

  private static String topicWords(String text) {
    return clip(text);
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 57).strip() + "…" : s;
  }

  private static String plural(String unit) {
    return unit.endsWith("s") ? unit : unit.endsWith("y") ? unit.substring(0, unit.length() - 1) + "ies"
        : unit + "s";
  }
}
