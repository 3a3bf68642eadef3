package org.parallax.quotes;

import java.util.ArrayList;
import java.util.List;
import org.parallax.model.Span;

/**
 * Finds quotation spans in a body: curly, straight and angle double quotes. A quote left open at the end of a
 * paragraph runs to the paragraph's end, as in news style where a quote continues into the next paragraph.
 * Returned spans are the outer ones (with the marks); {@link #inner} strips them.
 */
public final class QuoteSpans {
  private QuoteSpans() {}

  public static List<Span> find(String body) {
    List<Span> out = new ArrayList<>();
    int paraStart = 0;
    while (paraStart < body.length()) {
      int paraEnd = body.indexOf("\n\n", paraStart);
      if (paraEnd < 0) {
        paraEnd = body.length();
      }
      int open = -1;
      for (int i = paraStart; i < paraEnd; i++) {
        char c = body.charAt(i);
        boolean doubled = c == '\'' && i + 1 < paraEnd && body.charAt(i + 1) == '\''; // ''NYT style''
        boolean straight = c == '"' || doubled;
        // Malformed marks are common in scraped text: a paragraph opened with ” or a quote closed with “.
        boolean wrongOpen = c == '”' && open < 0 && (i == paraStart || Character.isWhitespace(body.charAt(i - 1)))
            && i + 1 < paraEnd && Character.isLetter(body.charAt(i + 1));
        boolean wrongClose = c == '“' && open >= 0 && i > open + 1 && !Character.isWhitespace(body.charAt(i - 1))
            && (i + 1 >= paraEnd || !Character.isLetterOrDigit(body.charAt(i + 1)));
        boolean opens = c == '“' || c == '«' || c == '„' || (straight && open < 0) || wrongOpen;
        boolean closes = c == '”' || c == '»' || (straight && open >= 0) || wrongClose;
        if (open < 0 && opens) {
          open = i;
        } else if (open >= 0 && closes) {
          out.add(new Span(open, i + (doubled ? 2 : 1)));
          open = -1;
        }
        if (doubled) {
          i++;
        }
      }
      if (open >= 0 && paraEnd - open > 3) {
        out.add(new Span(open, paraEnd));
      }
      paraStart = paraEnd + 2;
    }
    return out;
  }

  /** The span without its quotation marks and surrounding spaces. */
  public static Span inner(String body, Span outer) {
    int s = outer.start() + 1;
    int e = outer.end();
    if (body.startsWith("''", outer.start())) {
      s++;
    }
    if (e > s && isMark(body.charAt(e - 1))) {
      e--;
    } else if (e - 1 > s && body.charAt(e - 1) == '\'' && body.charAt(e - 2) == '\'') {
      e -= 2;
    }
    while (s < e && Character.isWhitespace(body.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
      e--;
    }
    return new Span(s, e);
  }

  private static boolean isMark(char c) {
    return c == '”' || c == '"' || c == '»' || c == '“';
  }
}
