package org.parallax.report;

/** HTML escaping for untrusted article text, in element content and in quoted attribute values alike. */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '`' -> sb.append("&#96;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
