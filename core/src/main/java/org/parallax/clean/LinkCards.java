package org.parallax.clean;

import java.util.List;
import java.util.Set;

/**
 * Inline "person cards" that some sites put after a linked name and that scraping flattens into the sentence:
 * the name as printed, then the person's full name glued to the first of a few headlines of other articles, ending
 * in an upper-case "MORE" ("Sen. Roy Blunt Roy Dean BluntGOP senators balk at … hearing MORE (R-Mo.) said").
 * Left in, they put other articles' headlines inside a sentence (loaded terms, claims and quotes that are not the
 * article's) and garble the speaker's name. The card is cut from just after the printed name to the end of "MORE".
 *
 * <p>A heuristic, named and measured (BENCHMARKS.md, "Inline link cards"): a card is recognised only when all three
 * marks are there — the upper-case "MORE" as a word, a word glued to a following capital, digit or quotation mark
 * ("BluntGOP") within {@value #REACH} characters before it, and the glued word's surname printed once more just
 * before, within {@value #NAME_REACH} characters and with only a full name between (the printed name the card
 * belongs to).
 */
final class LinkCards {
  /** How far before "MORE" a card's start is looked for: cards hold two to five headlines. */
  static final int REACH = 700;
  /** How far before the glued surname the printed name may start: a full name with middle names and a nickname. */
  static final int NAME_REACH = 80;
  /** Words a full name has before its surname at most ("Hillary Diane Rodham", "Elizabeth (Liz) Lynn"). */
  static final int NAME_WORDS = 5;
  /** Letters a surname has at most ("Frelinghuysen" has 13): a longer run of letters is no name. */
  static final int LONGEST_NAME = 30;
  /** "MORE"s looked at in one line at most: a page has a few dozen cards, an adversarial line could have millions. */
  static final int MOST_TRIES = 200;
  private static final String MORE = " MORE";

  private LinkCards() {}

  /**
   * {@code line} without its cards; each card cut is added to {@code cut}. The line itself when it has none (the
   * common case costs one {@code indexOf}).
   */
  static String strip(String line, List<String> cut) {
    if (line.indexOf(MORE) < 0) {
      return line;
    }
    StringBuilder out = null;
    int kept = 0; // start of the text not yet copied to out
    int from = 0;
    int at;
    int tries = 0;
    while ((at = line.indexOf(MORE, from)) >= 0 && tries++ < MOST_TRIES) {
      int end = at + MORE.length();
      from = end;
      if (end < line.length() && !endsWord(line.charAt(end))) {
        continue; // "MOREOVER", "MORE:" labels ("READ MORE:") are not a card's end
      }
      int start = cardStart(line, kept, Math.max(kept, at - REACH), at);
      if (start < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(line.length());
      }
      out.append(line, kept, start);
      cut.add(line.substring(start, end).strip());
      kept = end;
    }
    if (out == null) {
      return line;
    }
    out.append(line, kept, line.length());
    return out.toString();
  }

  private static boolean endsWord(char c) {
    // a possessive ends the card too: "President Trump <card> MORE’s plan" reads "President Trump’s plan"
    return Character.isWhitespace(c) || c == ',' || c == '.' || c == ';' || c == ')' || c == ']' || c == '\''
        || c == '’';
  }

  /**
   * Where the card ending at {@code more} starts: just after the printed name. The card opens with the person's
   * full name, whose surname is either glued to the first headline ("BluntGOP …") or followed by a space ("Paul
   * Davis Ryan Retirees should …"); the printed name's surname stands, followed by a space, shortly before it, with
   * only the rest of the full name between, and not before {@code kept} (the end of the previous card). When nothing
   * is glued, the full name must also open with the printed first name or give it as a nickname ("Paul Ryan Paul
   * Davis Ryan", "Tom Reyes Thomas (Tom) Reyes"): a first name repeated inside the full name is no surname. The
   * first such surname in {@code [lo, more)}; -1 when there is none. Every scan is bounded by {@link #REACH},
   * {@link #NAME_REACH} and {@link #LONGEST_NAME}, so a line costs at most linear time per "MORE" looked at.
   */
  private static int cardStart(String line, int kept, int lo, int more) {
    for (int g = lo + 1; g < more; g++) {
      char next = line.charAt(g);
      boolean glued = gluedStart(next) || quotedHeadline(line, g);
      if (!Character.isLowerCase(line.charAt(g - 1)) || !(glued || next == ' ')) {
        continue;
      }
      int ws = g;
      while (ws > 0 && g - ws <= LONGEST_NAME && nameChar(line.charAt(ws - 1))) {
        ws--;
      }
      if (g - ws < 2 || g - ws > LONGEST_NAME || !Character.isUpperCase(line.charAt(ws))) {
        continue;
      }
      String surname = line.substring(ws, g) + " ";
      int printed = printedBefore(line, surname, ws, Math.max(kept, ws - NAME_REACH));
      if (printed < 0) {
        continue;
      }
      int between = printed + surname.length();
      boolean wordStart = printed == 0 || !nameChar(line.charAt(printed - 1));
      boolean sameName = glued || (between < ws && firstNameAgrees(line, printed, between, ws));
      if (wordStart && sameName && fullName(line, between, ws)) {
        return afterSuffix(line, between - 1); // keep the printed name, cut from the space after it
      }
    }
    return -1;
  }

  /**
   * Whether the word before the printed surname (its first name) opens {@code [between, to)} or stands there in
   * parentheses.
   */
  private static boolean firstNameAgrees(String line, int printed, int between, int to) {
    int start = wordBefore(line, printed);
    if (start < 0) {
      return false;
    }
    String first = line.substring(start, printed - 1);
    if (nameOpens(line, first, between, to)) {
      return true;
    }
    // a surname of two words ("Jeff Van Drew Jeff Van Drew …", "Bill de Blasio Bill de Blasio …"): the word before
    // the printed surname also stands just before the card's surname, and the first name before it opens the card
    int outer = wordBefore(line, start);
    return outer >= 0 && (Character.isUpperCase(line.charAt(start)) || PARTICLES.contains(first))
        && line.startsWith(first + " ", to - first.length() - 1)
        && nameOpens(line, line.substring(outer, start - 1), between, to);
  }

  /** Where the word that ends just before the space at {@code at - 1} starts; -1 when there is no such word. */
  private static int wordBefore(String line, int at) {
    int end = at - 1;
    if (end <= 0 || line.charAt(end) != ' ') {
      return -1;
    }
    int start = end;
    while (start > 0 && end - start < LONGEST_NAME && nameChar(line.charAt(start - 1))) {
      start--;
    }
    return start == end ? -1 : start;
  }

  /** Whether {@code first} opens the full name {@code [between, to)} or stands in it as a nickname. */
  private static boolean nameOpens(String line, String first, int between, int to) {
    return line.startsWith(first + " ", between) || line.substring(between, to).contains("(" + first + ")");
  }

  /** Lower-case words inside names ("Bill de Blasio", "Chris Van Hollen" has its own capital). */
  private static final Set<String> PARTICLES = Set.of("de", "van", "von", "der", "den", "del",
      "della", "la", "le", "da", "di", "du", "dos", "bin", "al");

  /**
   * A headline that opens with a quotation, glued to the surname: an apostrophe followed by a capital ("Pelosi'Defund
   * the police' …"), where a possessive is followed by "s".
   */
  private static boolean quotedHeadline(String line, int g) {
    char c = line.charAt(g);
    return (c == '\'' || c == '’' || c == '‘') && g + 1 < line.length() && Character.isUpperCase(line.charAt(g + 1));
  }

  private static final List<String> SUFFIXES = List.of(" Jr.", " Sr.", " II ", " III ", " IV ");

  /** Past a suffix that belongs to the printed name ("Donald Trump Jr. <card>"), so that it stays. */
  private static int afterSuffix(String line, int at) {
    for (String s : SUFFIXES) {
      if (line.startsWith(s, at)) {
        return at + s.stripTrailing().length();
      }
    }
    return at;
  }

  /**
   * Whether {@code [from, to)} is the card's full name before the glued surname: at most {@value #NAME_WORDS}
   * capitalised words, nicknames in parentheses and initials ("Addison (Mitch) Mitchell "), or nothing.
   */
  private static boolean fullName(String line, int from, int to) {
    int words = 0;
    int i = from;
    while (i < to) {
      int space = line.indexOf(' ', i);
      int end = space < 0 || space > to ? to : space;
      if (end > i) {
        char c = line.charAt(i) == '(' && end > i + 1 ? line.charAt(i + 1) : line.charAt(i);
        boolean particle = PARTICLES.contains(line.substring(i, end));
        if ((!Character.isUpperCase(c) && !particle) || ++words > NAME_WORDS) {
          return false;
        }
      }
      i = end + 1;
    }
    return true;
  }

  /** The last start of {@code surname} that ends before {@code ws} and starts at {@code bound} or later; -1 if none. */
  private static int printedBefore(String line, String surname, int ws, int bound) {
    for (int p = ws - surname.length(); p >= bound; p--) {
      if (line.startsWith(surname, p)) {
        return p;
      }
    }
    return -1;
  }

  /** Letters and the apostrophes and hyphens inside names ("O'Rourke", "Hyde-Smith"). */
  private static boolean nameChar(char c) {
    return Character.isLetter(c) || c == '\'' || c == '’' || c == '-';
  }

  private static boolean gluedStart(char c) {
    // not an apostrophe: "House's" is a possessive, not a name glued to a headline
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“';
  }
}
