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
        boolean opens = c == '“' || c == '«' || c == '„' || (c == '"' && open < 0);
        boolean closes = c == '”' || c == '»' || (c == '"' && open >= 0);
        if (open < 0 && opens) {
          open = i;
        } else if (open >= 0 && closes) {
          out.add(new Span(open, i + 1));
          open = -1;
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
    if (e > s && isMark(body.charAt(e - 1))) {
      e--;
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
