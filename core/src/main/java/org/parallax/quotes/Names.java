package org.parallax.quotes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parallax.model.Span;
import org.parallax.model.Token;

/**
 * What counts as a name, a role word or a title in news prose, shared by the quote attributor and the stated-role
 * finder. Split out of {@link PatternQuoteAttributor} (which had grown past 850 lines) so each reads alone.
 */
final class Names {
  private Names() {}

  static final Set<String> ROLE_NOUNS = Set.of("president", "spokesman", "spokeswoman", "spokesperson",
      "minister", "adviser", "advisor", "secretary", "official", "officials", "leader", "chief", "aide", "diplomat",
      "ambassador", "chairman", "chairwoman", "chair", "director", "ceo", "analyst", "expert", "professor",
      "senator", "governor", "mayor", "general", "commander", "chancellor", "envoy", "negotiator", "head",
      "founder", "manager", "executive", "representative", "lawmaker", "mp", "economist", "researcher", "lawyer",
      "attorney", "judge", "organiser", "organizer", "member", "steward", "worker", "resident", "correspondent",
      "editor", "officer", "inspector", "engineer", "doctor", "scientist", "activist", "campaigner", "deputy",
      "premier", "king", "queen", "prince", "pope", "candidate", "owner", "coordinator", "administrator", "counsel",
      "captain", "superintendent", "commissioner", "regulator", "strategist", "veteran", "witness", "survivor",
      "driver", "teacher", "student", "president-elect", "vice-president", "press", "presidential");

  static final Set<String> PRONOUNS = Set.of("he", "she");

  static final Set<String> COMMON_CAPITALISED = Set.of("I", "We", "He", "She", "It", "They", "You", "The",
      "Nobody", "Everyone", "Everybody", "Someone", "Somebody", "Anyone", "Anybody", "None", "Many", "Some", "Most",
      "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "Its", "But", "And", "Mr",
      "Mr.", "Mrs.", "Ms.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  static final Set<String> BODY_WORDS = Set.of("Stream", "Street", "House", "Department", "Ministry",
      "Council", "Committee", "Party", "Union", "Agency", "Company", "Corporation", "Group", "Office", "Service",
      "Forces", "Force", "Army", "Navy", "Bank", "Court", "Assembly", "Parliament", "Commission", "Organization",
      "Organisation", "Times", "News", "Post", "Press", "Room", "Day", "Road", "Square", "Sea", "Ocean", "River",
      "Island", "Islands", "City", "County", "State", "States", "Republic", "Kingdom", "Federation", "Alliance",
      "Summit", "Prize", "Cup", "League", "University", "College", "School", "Institute", "Foundation", "Fund",
      "Authority", "Port", "Airport", "Station", "Hospital", "Centre", "Center", "Media", "Television", "Radio",
      "Shipping", "Holdings", "Airlines", "Airways", "Energy", "Motors", "Inc", "Ltd", "Limited", "Corp", "Partners",
      "Capital", "Industries", "Systems", "Technologies", "Logistics", "Railways", "Rail", "Ports", "Foods",
      "Pharmaceuticals", "Insurance", "Network", "Channel", "Police");

  static boolean containsRole(List<Token> t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (ROLE_NOUNS.contains(t.get(i).text().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A token that can be part of a name. The POS model often tags rare names as NOUN or even PRON ("Yuri/PRON"),
   * so capitalisation decides, with the tag as a check; sentence-initial words need a proper-noun tag.
   */
  static boolean isNameToken(Token t) {
    String w = t.text();
    if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || !Character.isLetter(w.charAt(w.length() - 1))
        && !w.endsWith("’s") && !w.endsWith("'s") && !w.matches("\\p{Lu}\\.")) {
      return false;
    }
    if (COMMON_CAPITALISED.contains(w)) {
      return false;
    }
    String p = t.pos();
    return p.equals("PROPN") || p.equals("NOUN") || p.equals("PRON") || p.equals("ADJ") || p.equals("X");
  }

  static boolean isNameToken(List<Token> t, int i) {
    if (!isNameToken(t.get(i))) {
      return false;
    }
    boolean initial = i == 0 || t.get(i - 1).text().matches("[\"“‘'(]");
    return !initial || t.get(i).isProperNoun();
  }

  /** Where the run of name tokens starting at {@code i} ends (exclusive): after a possessive ("Putin's") at most. */
  static int nameRunEnd(List<Token> t, int i) {
    int j = i;
    while (j < t.size() && isNameToken(t, j)) {
      j++;
      if (possessive(t.get(j - 1).text())) {
        break;
      }
    }
    return j;
  }

  /** The tokens {@code i..j-1} joined by single spaces. */
  static String nameRun(List<Token> t, int i, int j) {
    StringBuilder run = new StringBuilder();
    for (int k = i; k < j; k++) {
      run.append(k > i ? " " : "").append(t.get(k).text());
    }
    return run.toString();
  }

  static boolean possessive(String w) {
    return w.endsWith("’s") || w.endsWith("'s");
  }

  static String unpossessive(String run) {
    return run.replaceAll("[’']s$", "");
  }

  /** Two or more capitalised words that are not a place, a body or an institution. */
  static boolean isPersonName(String name, SideGazetteer sides) {
    if (!name.contains(" ") || sides.isPlaceOrBody(name) || sides.sideOf(name) != null && name.split(" ").length > 3) {
      return false;
    }
    if (name.equals(name.toUpperCase(Locale.ROOT))) {
      return false; // "CONGRESS HAS INVESTIGATED HIM": a shouted subhead, not a name
    }
    for (String w : name.split(" ")) {
      if (BODY_WORDS.contains(w) || sides.isPlaceOrBody(w) || !w.chars().allMatch(c -> Character.isLetter(c)
          || c == '-' || c == '.' || c == '\'')) {
        return false;
      }
    }
    return true;
  }

  /** "President Joe Biden" gives "Joe Biden"; the title part is a role, not a name. */
  static String stripRolePrefix(String run) {
    String[] w = run.split(" ");
    int lastRole = -1;
    for (int i = 0; i < w.length; i++) {
      if (ROLE_NOUNS.contains(w[i].toLowerCase(Locale.ROOT)) || w[i].matches("(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\\.?")) {
        lastRole = i;
      }
    }
    return String.join(" ", java.util.Arrays.copyOfRange(w, lastRole + 1, w.length)).strip();
  }

  static String rolePrefix(String run) {
    String[] w = run.split(" ");
    int lastRole = -1;
    for (int i = 0; i < w.length; i++) {
      if (ROLE_NOUNS.contains(w[i].toLowerCase(Locale.ROOT))) {
        lastRole = i;
      }
    }
    return lastRole < 0 ? null : String.join(" ", java.util.Arrays.copyOfRange(w, 0, lastRole + 1));
  }

  static boolean containsRoleWord(String text) {
    for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (ROLE_NOUNS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static boolean inAny(Span s, List<Span> spans) {
    for (Span q : spans) {
      if (q.start() <= s.start() && s.end() <= q.end()) {
        return true;
      }
    }
    return false;
  }

  static String lastWord(String s) {
    String[] w = s.split("\\s+");
    return w[w.length - 1];
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
