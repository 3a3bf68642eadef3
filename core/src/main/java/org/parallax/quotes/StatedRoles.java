package org.parallax.quotes;

import static org.parallax.quotes.Names.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;

/**
 * The people an article names and the roles and sides it states for them ("Kremlin spokesman Dmitry Peskov",
 * "Jake Sullivan, the US national security adviser", "Gwen Moore (D-Wis.)"). The attributor resolves speakers
 * through it; the story pass ({@link StorySpeakers}) reads it for every article of a report.
 */
final class StatedRoles {
  private final SideGazetteer sides;

  StatedRoles(SideGazetteer sides) {
    this.sides = sides;
  }

  private boolean isPersonName(String name) {
    return Names.isPersonName(name, sides);
  }

  /** A name with the role the article gives it. */
  record Person(String name, String role, int position, String side) {
    Person(String name, String role, int position) {
      this(name, role, position, null);
    }
  }

  /**
   * Names and roles stated anywhere in the article: "Kremlin spokesman Dmitry Peskov", "Jake Sullivan, the US
   * national security adviser", "the adviser, Jake Sullivan". Keys are full names; surnames resolve through them.
   */
  Map<String, Person> learnPeople(List<Sentence> sentences, List<Span> quotes) {
    Map<String, Person> people = new HashMap<>();
    for (Sentence s : sentences) {
      List<Token> t = s.tokens();
      int i = 0;
      while (i < t.size()) {
        if (!isNameToken(t, i) || inAny(t.get(i).span(), quotes)) {
          i++;
          continue;
        }
        int j = nameRunEnd(t, i);
        String run = nameRun(t, i, j);
        String full = unpossessive(run);
        String name = stripRolePrefix(full);
        if (isPersonName(name)) {
          String role = rolePrefix(full);
          String before = roleBefore(t, i);
          if (before != null && (role != null || containsRoleWord(before))) {
            role = role == null ? before : before + " " + role;
          }
          if (role == null) {
            role = appositiveAfter(t, j);
          }
          String label = PartyLabels.after(t, j);
          if (label != null) {
            role = role == null ? PartyLabels.role(label) : role + ", " + PartyLabels.role(label);
          }
          Person known = people.get(name);
          if (known == null || (role != null && (known.role() == null || role.length() > known.role().length()))) {
            people.put(name, new Person(name, role, s.span().start()));
          }
        }
        i = j;
      }
    }
    return people;
  }

  /**
   * Gives each person a side: from the role ("Kremlin spokesman"), from a possessor in the role ("Putin's adviser"),
   * or, for a bare title shared by several people ("President"), from the one "US president"/"Russian president"
   * phrase of the article whose side no other holder of that title has.
   */
  Map<String, Person> inferSides(Map<String, Person> people, List<Sentence> sentences) {
    Map<String, Person> out = new HashMap<>();
    for (Person p : people.values()) {
      out.put(p.name(), new Person(p.name(), p.role(), p.position(), sides.sideOf(p.role())));
    }
    for (Person p : List.copyOf(out.values())) {
      if (p.side() != null || p.role() == null) {
        continue;
      }
      String possessor = p.role().replaceAll("^(.*?)[’']s\\b.*$", "$1");
      if (!possessor.equals(p.role())) {
        Person owner = byName(possessor.strip(), out);
        if (owner != null && owner.side() != null) {
          out.put(p.name(), new Person(p.name(), p.role(), p.position(), owner.side()));
          continue;
        }
      }
      String head = lastWord(p.role()).toLowerCase(Locale.ROOT);
      java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
      for (Sentence s : sentences) {
        List<Token> t = s.tokens();
        for (int i = 1; i < t.size(); i++) {
          if (t.get(i).text().toLowerCase(Locale.ROOT).equals(head)) {
            String side = sides.sideOf(t.get(i - 1).text());
            if (side != null) {
              candidates.add(side);
            }
          }
        }
      }
      for (Person other : out.values()) {
        if (other != p && other.side() != null && other.role() != null
            && lastWord(other.role()).equalsIgnoreCase(head)) {
          candidates.remove(other.side());
        }
      }
      if (candidates.size() == 1) {
        out.put(p.name(), new Person(p.name(), p.role(), p.position(), candidates.iterator().next()));
      }
    }
    return out;
  }

  static String roleBefore(List<Token> t, int nameStart) {
    int k = nameStart - 1;
    StringBuilder sb = new StringBuilder();
    boolean role = false;
    while (k >= 0) {
      Token tok = t.get(k);
      String p = tok.pos();
      if (!Character.isLetter(tok.text().charAt(0)) && !tok.text().equals("-")) {
        break; // a closing quotation mark tagged ADJ is no part of a role
      }
      if (!(p.equals("NOUN") || p.equals("ADJ") || p.equals("PROPN") || tok.text().equals("-")
          || possessive(tok.text()) || tok.text().equals("'s") || tok.text().equals("’s"))) {
        break;
      }
      role |= ROLE_NOUNS.contains(tok.text().toLowerCase(Locale.ROOT));
      sb.insert(0, tok.text() + (sb.length() > 0 ? " " : ""));
      k--;
    }
    String out = sb.toString().strip().replace(" 's", "'s").replace(" ’s", "’s");
    return out.isEmpty() ? null : out;
  }

  static String appositiveAfter(List<Token> t, int afterName) {
    if (afterName + 1 >= t.size() || !t.get(afterName).text().equals(",")) {
      return null;
    }
    int k = afterName + 1;
    StringBuilder sb = new StringBuilder();
    boolean role = false;
    while (k < t.size() && sb.length() < 120) {
      Token tok = t.get(k);
      String p = tok.pos();
      String w = tok.text();
      if (w.equals(",") || w.equals(".") || p.equals("VERB") || p.equals("AUX") || p.equals("PRON")) {
        break;
      }
      role |= ROLE_NOUNS.contains(w.toLowerCase(Locale.ROOT));
      sb.append(sb.length() > 0 ? " " : "").append(w);
      k++;
    }
    String s = sb.toString().replaceFirst("^(?i)(the|a|an)\\s+", "");
    return role && !s.isBlank() ? s.replace(" ’s", "’s").replace(" 's", "'s") : null;
  }

  static Person byName(String name, Map<String, Person> people) {
    Person exact = people.get(name);
    if (exact != null) {
      return exact;
    }
    for (Person p : people.values()) {
      if (p.name().endsWith(" " + name)) {
        return p;
      }
    }
    return null;
  }
}
