package org.parallax.reuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * News agencies (a resource list, {@code wire-outlets.txt}) and the credit lines that name them: evidence of which
 * text came first when dates cannot tell. An agency's text is usually the original of what other outlets carry, and
 * an article that says "The Associated Press contributed to this report" or opens "(Reuters) —" is built on agency
 * copy.
 */
public final class WireOutlets {
  private static final List<String> NAMES = load();
  private static final Pattern CREDIT;

  static {
    StringBuilder alt = new StringBuilder();
    for (String n : NAMES) {
      if (n.length() > 3) { // "ap", "upi": too short to find safely in running text; datelines catch them below
        alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(n));
      }
    }
    CREDIT = Pattern.compile("(?i)(?:(?:" + alt + ")[^.\\n]{0,80}contributed"
        + "|contributed[^.\\n]{0,60}(?:" + alt + "))");
  }

  private WireOutlets() {}

  private static List<String> load() {
    List<String> out = new ArrayList<>();
    try (var in = WireOutlets.class.getResourceAsStream("wire-outlets.txt")) {
      if (in == null) {
        throw new IllegalStateException("wire-outlets.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** Whether the outlet is a news agency. */
  public static boolean isWire(String outlet) {
    if (outlet == null) {
      return false;
    }
    String o = outlet.strip().toLowerCase(Locale.ROOT);
    for (String n : NAMES) {
      if (o.equals(n) || (o.startsWith(n) && o.length() > n.length() && !Character.isLetterOrDigit(o.charAt(n.length())))) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern DATELINE = Pattern.compile("\\((?:AP|Reuters|AFP|UPI)\\)\\s*[-\u2014\u2013]");

  /** Whether the text credits an agency: a credit line naming one, or an agency dateline near the top. */
  public static boolean credits(String body) {
    if (body == null) {
      return false;
    }
    // the regular expressions only where a cheap search says they may match: they run on every article
    for (int at = body.indexOf("contributed"); at >= 0; at = body.indexOf("contributed", at + 1)) {
      int from = Math.max(0, at - 100);
      if (CREDIT.matcher(body.substring(from, Math.min(body.length(), at + 80))).find()) {
        return true;
      }
    }
    int top = Math.min(body.length(), 400);
    return body.lastIndexOf(')', top) >= 0 && DATELINE.matcher(body.substring(0, top)).find();
  }

  /** The {@link Fingerprint#evidence()} flags of an article. */
  public static int evidence(String outlet, String body) {
    return (isWire(outlet) ? Fingerprint.WIRE : 0) | (credits(body) ? Fingerprint.CREDIT : 0);
  }
}
