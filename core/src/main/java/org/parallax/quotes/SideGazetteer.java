package org.parallax.quotes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.ParallaxException;

/**
 * Maps what a role or name states ("Kremlin spokesman", "US national security adviser") to the side it belongs to,
 * from a bundled list of countries, demonyms, capitals and institutions. Roles naming an organisation that is not
 * listed ("a spokeswoman for Halvorsen Shipping") give that organisation as the side.
 */
public final class SideGazetteer {
  private static final Pattern ORG_AFTER = Pattern.compile(
      "\\b(?:for|of|at|from)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}'’&.-]*\\s*)+)");
  private final Map<String, String> sides = new HashMap<>();
  private final int longest;

  public SideGazetteer() {
    int max = 1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SideGazetteer.class.getResourceAsStream("sides.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("\t");
        sides.put(kv[0], kv[1]);
        max = Math.max(max, kv[0].split(" ").length);
      }
    } catch (IOException | NullPointerException e) {
      throw new ParallaxException("cannot read bundled sides.tsv", e);
    }
    longest = max;
  }

  /** The side named in a role or name text, or null. Longer keys win ("White House" before "House"). */
  public String sideOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] words = text.replaceAll("[’']s\\b", "").split("[\\s,;()]+");
    for (int len = longest; len >= 1; len--) {
      for (int i = 0; i + len <= words.length; i++) {
        String key = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + len));
        String side = sides.get(key);
        if (side != null) {
          return side;
        }
      }
    }
    Matcher m = ORG_AFTER.matcher(text);
    if (m.find()) {
      return m.group(1).strip();
    }
    return null;
  }

  /** True when the words name a place or institution, not a person. */
  public boolean isPlaceOrBody(String name) {
    return sides.containsKey(name);
  }
}
