package org.parallax.quotes;

import java.util.List;
import java.util.regex.Pattern;
import org.parallax.model.Token;

/**
 * US party-and-state labels after a name: "Gwen Moore (D-Wis.)", "Mitch McConnell, R-Ky.,", "Roy Cooper (D)".
 * Kept apart from the attributor because both the speaker finder (the label sits between name and verb) and the
 * role finder (the label is the person's stated party) read them.
 */
final class PartyLabels {
  private static final Pattern LABEL = Pattern.compile("\\(?([RDI])(?:-[A-Z][A-Za-z.]*(?:[A-Z][A-Za-z.]*)*)?\\)?");

  private PartyLabels() {}

  /**
   * Where a label ends at token {@code end} (inclusive): the index of its first token ("(" or the comma before
   * it), or -1.
   */
  static int startBefore(List<Token> t, int end) {
    if (end <= 0) {
      return -1;
    }
    String close = t.get(end).text();
    if (close.endsWith(")")) {
      for (int k = end; k >= Math.max(0, end - 6); k--) {
        if (t.get(k).text().startsWith("(")) {
          return LABEL.matcher(joined(t, k, end + 1)).matches() ? k : -1;
        }
      }
      return -1;
    }
    if (close.equals(",")) {
      for (int k = end - 1; k >= Math.max(0, end - 6); k--) {
        if (t.get(k).text().equals(",")) {
          return k < end - 1 && LABEL.matcher(joined(t, k + 1, end)).matches() ? k : -1;
        }
      }
    }
    return -1;
  }

  /** The label right after a name ending before token {@code after} ("(D-N.C.)"), or null. */
  static String after(List<Token> t, int after) {
    if (after >= t.size()) {
      return null;
    }
    String first = t.get(after).text();
    if (first.startsWith("(")) {
      for (int k = after; k < Math.min(t.size(), after + 7); k++) {
        if (t.get(k).text().endsWith(")")) {
          String j = joined(t, after, k + 1);
          return LABEL.matcher(j).matches() ? j : null;
        }
      }
    } else if (first.equals(",")) {
      for (int k = after + 1; k < Math.min(t.size(), after + 7); k++) {
        if (t.get(k).text().equals(",")) {
          String j = joined(t, after + 1, k);
          return k > after + 1 && LABEL.matcher(j).matches() ? j : null;
        }
      }
    }
    return null;
  }

  /** "Democrat (D-N.C.)" for a label: the party word is what the side gazetteer reads. */
  static String role(String label) {
    String l = label.replace("(", "").replace(")", "");
    String party = switch (l.charAt(0)) {
      case 'D' -> "Democrat";
      case 'R' -> "Republican";
      default -> "independent";
    };
    return party + " (" + l + ")";
  }

  private static String joined(List<Token> t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(t.get(i).text());
    }
    return sb.toString();
  }
}
