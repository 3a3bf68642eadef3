package org.parallax.quotes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.model.Quote;
import org.parallax.model.Sentence;
import org.parallax.model.Speaker;
import org.parallax.quotes.StatedRoles.Person;

/**
 * The story-level pass over the quotes of all articles of a report. Articles name the same person differently
 * ("Biden", "Joe Biden", "US President Joe Biden", a link's "Trump Donald John TrumpTrump"), and only some state a
 * role: one says "Russian President Vladimir Putin", another only "Putin". This pass gives every person one name
 * and one side across the story, from the roles stated in any article, and keeps the phrase that states it, so
 * every article's quotes by that person agree and the reader can see why.
 */
public final class StorySpeakers {
  private final SideGazetteer sides;
  private final StatedRoles roles;

  public StorySpeakers(SideGazetteer sides) {
    this.sides = sides;
    this.roles = new StatedRoles(sides);
  }

  /** One article's text, sentences and quotes as the per-article stage found them. */
  public record Input(String articleId, String body, List<Sentence> sentences, List<Quote> quotes) {
    public Input {
      sentences = List.copyOf(sentences);
      quotes = List.copyOf(quotes);
    }
  }

  /** The quotes of each article (same order, same ids) with story-wide names and sides, and the speaker table. */
  public record Result(Map<String, List<Quote>> quotes, List<Speaker> speakers) {
    public Result {
      quotes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quotes));
      speakers = List.copyOf(speakers);
    }
  }

  /** A role an article states for a name, and the side it gives. */
  private record Stated(String name, String role, String side, String article) {}

  /** The people found under one surname: full names with their counts, and the identity each maps to. */
  private static final class Identity {
    final Map<String, Integer> variants = new TreeMap<>();
    final List<Stated> stated = new ArrayList<>();
    String name;

    int count() {
      return variants.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public Result resolve(List<Input> articles) {
    List<Stated> stated = new ArrayList<>();
    Map<String, Integer> mentions = new HashMap<>();
    for (Input a : articles) {
      Map<String, Person> people = roles.inferSides(
          roles.learnPeople(a.sentences(), QuoteSpans.find(a.body())), a.sentences());
      for (Person p : people.values()) {
        String n = clean(p.name());
        stated.add(new Stated(n, p.role(), p.side(), a.articleId()));
        mentions.merge(n, 1, Integer::sum);
      }
      for (Quote q : a.quotes()) {
        if (q.speaker() != null && clean(q.speaker()).contains(" and ")) {
          for (String part : clean(q.speaker()).split(" and ")) {
            mentions.merge(part, 1, Integer::sum);
          }
        } else if (q.speaker() != null && looksLikeName(clean(q.speaker()))) {
          mentions.merge(clean(q.speaker()), 1, Integer::sum);
          if (q.side() != null) {
            // the phrase that gave the side in that article: the role, or the name itself ("Kremlin")
            stated.add(new Stated(clean(q.speaker()), firstNonBlank(q.role(), clean(q.speaker())), q.side(),
                a.articleId()));
          }
        }
      }
    }
    Map<String, Identity> byName = identities(mentions);
    for (Stated s : stated) {
      Identity id = byName.get(s.name());
      if (id != null) {
        id.stated.add(s);
      }
    }
    Map<Identity, Stated> sideOf = new HashMap<>();
    for (Identity id : new java.util.LinkedHashSet<>(byName.values())) {
      Stated best = bestSide(id.stated);
      if (best != null) {
        sideOf.put(id, best);
      }
    }
    bareTitles(articles, byName, sideOf);
    Map<String, List<Quote>> out = new LinkedHashMap<>();
    Map<String, SpeakerRow> rows = new TreeMap<>();
    for (Input a : articles) {
      List<Quote> qs = new ArrayList<>();
      for (Quote q : a.quotes()) {
        Quote r = rewrite(q, byName, sideOf);
        qs.add(r);
        if (r.speaker() != null) {
          Identity id = q.speaker() == null ? null : byName.get(clean(q.speaker()));
          SpeakerRow row = rows.computeIfAbsent(r.speaker(), k -> new SpeakerRow());
          row.quotes++;
          row.variants.add(q.speaker());
          if (row.role == null) {
            row.role = r.role();
          }
          row.side = r.side();
          Stated ev = id == null ? null : sideOf.get(id);
          if (ev != null && ev.side().equals(r.side())) {
            row.evidence = ev;
          } else if (row.evidence == null && r.side() != null) {
            // no stated role: the side comes from the speaker's own words ("Kremlin", "Ukrainian officials")
            row.evidence = new Stated(r.speaker(), firstNonBlank(q.role(), q.speaker()), r.side(), q.article());
          }
        }
      }
      out.put(a.articleId(), qs);
    }
    List<Speaker> table = new ArrayList<>();
    rows.forEach((name, row) -> table.add(new Speaker(name, List.copyOf(row.variants), row.role, row.side,
        row.evidence == null ? null : row.evidence.role(), row.evidence == null ? null : row.evidence.article(),
        row.quotes)));
    table.sort(Comparator.comparingInt(Speaker::quotes).reversed().thenComparing(Speaker::name));
    return new Result(out, table);
  }

  /**
   * "President Joe Biden" states no side, but when the story says "the US President" somewhere and every other
   * side said with that title ("Russian President", "Ukrainian President") belongs to someone whose own role
   * names it, the bare title is that one: as in an article, now across all of them.
   */
  private void bareTitles(List<Input> articles, Map<String, Identity> byName, Map<Identity, Stated> sideOf) {
    Map<String, Map<String, String>> phrases = new HashMap<>(); // title -> side -> "US President" (first seen)
    Map<String, String> phraseArticle = new HashMap<>();
    for (Input a : articles) {
      for (Sentence s : a.sentences()) {
        var t = s.tokens();
        for (int i = 1; i < t.size(); i++) {
          String head = t.get(i).text().toLowerCase(Locale.ROOT);
          if (!Names.ROLE_NOUNS.contains(head)) {
            continue;
          }
          String side = sides.sideOf(t.get(i - 1).text());
          if (side != null) {
            String phrase = t.get(i - 1).text() + " " + t.get(i).text();
            phrases.computeIfAbsent(head, k -> new LinkedHashMap<>()).putIfAbsent(side, phrase);
            phraseArticle.putIfAbsent(phrase, a.articleId());
          }
        }
      }
    }
    for (Identity id : new java.util.LinkedHashSet<>(byName.values())) {
      String role = roleOf(id);
      if (sideOf.containsKey(id) || role == null || role.contains(" ")) {
        continue;
      }
      String head = role.toLowerCase(Locale.ROOT);
      Map<String, String> candidates = new LinkedHashMap<>(phrases.getOrDefault(head, Map.of()));
      for (Identity other : new java.util.LinkedHashSet<>(byName.values())) {
        for (Stated st : other.stated) {
          if (other != id && st.role() != null && st.side() != null && sides.sideOf(st.role()) != null
              && st.role().toLowerCase(Locale.ROOT).endsWith(head)) {
            candidates.remove(st.side());
          }
        }
      }
      if (candidates.size() == 1) {
        var e = candidates.entrySet().iterator().next();
        sideOf.put(id, new Stated(id.name, e.getValue(), e.getKey(), phraseArticle.get(e.getValue())));
      }
    }
  }

  private static final class SpeakerRow {
    final TreeSet<String> variants = new TreeSet<>();
    String role;
    String side;
    Stated evidence;
    int quotes;
  }

  private Quote rewrite(Quote q, Map<String, Identity> byName, Map<Identity, Stated> sideOf) {
    if (q.speaker() == null) {
      return q;
    }
    String cleaned = clean(q.speaker());
    if (cleaned.contains(" and ")) {
      // a joint speaker ("Putin and Biden agreed…"): each person by their story name, a side only if they share it
      List<String> names = new ArrayList<>();
      java.util.Set<String> jointSides = new java.util.HashSet<>();
      for (String part : cleaned.split(" and ")) {
        Identity pid = byName.get(part);
        names.add(pid == null ? part : pid.name);
        Stated pev = pid == null ? null : sideOf.get(pid);
        jointSides.add(pev == null ? "" : pev.side());
      }
      String jointSide = jointSides.size() == 1 && !jointSides.contains("") ? jointSides.iterator().next() : null;
      return new Quote(q.article(), q.span(), q.sentence(), q.text(), String.join(" and ", names), q.role(),
          jointSide, q.cue());
    }
    Identity id = byName.get(cleaned);
    String name = id == null ? cleaned : id.name;
    Stated ev = id == null ? null : sideOf.get(id);
    String side = ev != null ? ev.side() : q.side();
    if (side == null) {
      side = sides.sideOf(name); // an organisation as speaker: "the Kremlin", "Halvorsen Shipping"
    }
    String role = q.role() != null ? q.role() : ev != null ? ev.role() : roleOf(id);
    if (name.equals(role)) {
      role = null;
    }
    return new Quote(q.article(), q.span(), q.sentence(), q.text(), name, role, side, q.cue());
  }

  private static String roleOf(Identity id) {
    if (id == null) {
      return null;
    }
    return id.stated.stream().map(Stated::role).filter(r -> r != null && !r.isBlank())
        .max(Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder())).orElse(null);
  }

  /**
   * The side most of the stated roles give; ties go to the role stated first. A side from the role words
   * ("Russian President") outranks one carried over from a quote's own article, which is the same evidence again.
   */
  private static Stated bestSide(List<Stated> stated) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    Map<String, Stated> first = new HashMap<>();
    for (Stated s : stated) {
      if (s.side() == null) {
        continue;
      }
      votes.merge(s.side(), 1, Integer::sum);
      Stated known = first.get(s.side());
      if (known == null || (known.role() == null && s.role() != null)) {
        first.put(s.side(), s);
      }
    }
    String best = null;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (best == null || e.getValue() > votes.get(best)) {
        best = e.getKey();
      }
    }
    return best == null ? null : first.get(best);
  }

  /**
   * Groups names into people: full names sharing a surname and a compatible first name ("Donald Trump", "Donald
   * John Trump") are one person; a bare surname ("Biden") joins the most mentioned person of that surname.
   */
  private static Map<String, Identity> identities(Map<String, Integer> mentions) {
    Map<String, List<Identity>> bySurname = new HashMap<>();
    Map<String, Identity> out = new HashMap<>();
    List<String> full = mentions.keySet().stream().filter(n -> n.contains(" ")).sorted().toList();
    for (String n : full) {
      String key = surname(n);
      List<Identity> people = bySurname.computeIfAbsent(key, k -> new ArrayList<>());
      Identity match = null;
      for (Identity id : people) {
        for (String v : id.variants.keySet()) {
          if (compatible(v, n)) {
            match = id;
          }
        }
      }
      if (match == null) {
        match = new Identity();
        people.add(match);
      }
      match.variants.put(n, mentions.get(n));
      out.put(n, match);
    }
    for (Map.Entry<String, Integer> e : mentions.entrySet()) {
      String n = e.getKey();
      if (n.contains(" ")) {
        continue;
      }
      List<Identity> people = bySurname.get(surname(n));
      Identity id;
      if (people == null) {
        id = new Identity();
        bySurname.put(surname(n), new ArrayList<>(List.of(id)));
      } else {
        id = people.stream().max(Comparator.comparingInt(Identity::count)).orElseThrow();
      }
      id.variants.put(n, e.getValue());
      out.put(n, id);
    }
    for (Identity id : out.values()) {
      if (id.name == null) {
        id.name = canonical(id.variants);
      }
    }
    return out;
  }

  /** The most used full name; among equals the shorter ("Donald Trump" before "Donald John Trump"). */
  private static String canonical(Map<String, Integer> variants) {
    return variants.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().contains(" ") ? 0 : 1)
            .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed())
            .thenComparingInt(e -> e.getKey().length())
            .thenComparing(Map.Entry.comparingByKey()))
        .findFirst().orElseThrow().getKey();
  }

  /** Same first name, or one name's words all inside the other's ("Joe Biden" and "Joseph R. Biden" are not). */
  static boolean compatible(String a, String b) {
    String[] wa = a.split(" ");
    String[] wb = b.split(" ");
    if (wa[0].equals(wb[0])) {
      return true;
    }
    List<String> la = List.of(wa);
    List<String> lb = List.of(wb);
    return la.containsAll(lb) || lb.containsAll(la);
  }

  static String surname(String name) {
    String[] w = name.split(" ");
    return w[w.length - 1].toLowerCase(Locale.ROOT);
  }

  /**
   * A name without what scraping leaves in it: no-break spaces, a possessive, a word doubled by an inline link
   * ("TrumpTrump"), the surname repeated in front ("Trump Donald John Trump").
   */
  static String clean(String name) {
    String n = name.replace('\u00a0', ' ').replaceAll("[’']s$", "").replaceAll("\\s+", " ").strip();
    List<String> words = new ArrayList<>();
    for (String w : n.split(" ")) {
      int half = w.length() / 2;
      if (w.length() % 2 == 0 && half > 2 && w.substring(0, half).equals(w.substring(half))) {
        w = w.substring(0, half);
      }
      words.add(w);
    }
    while (words.size() > 2 && words.get(0).equals(words.get(words.size() - 1))) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  /** Capitalised words, as a person's name is written; role phrases and bodies ("officials", "embassy") are not. */
  private static boolean looksLikeName(String s) {
    for (String w : s.split(" ")) {
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
