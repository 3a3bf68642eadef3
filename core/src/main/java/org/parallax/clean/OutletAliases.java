package org.parallax.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.parallax.ParallaxException;

/**
 * The names one outlet goes by ("New York Times - News", "NYTimes", nytimes.com), read from the resource
 * {@code outlet-aliases.txt}: data, so that adding an outlet needs no code. A name not listed is its own outlet.
 */
public final class OutletAliases {
  private static final OutletAliases DEFAULT = load();
  private final Map<String, String> byName;
  private final Map<String, String> byHost;

  OutletAliases(Map<String, String> byName, Map<String, String> byHost) {
    this.byName = Map.copyOf(byName);
    this.byHost = Map.copyOf(byHost);
  }

  public static OutletAliases defaults() {
    return DEFAULT;
  }

  /** The canonical name of {@code name}, or the name itself (stripped) when no alias lists it; null for null. */
  public String canonical(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String s = name.strip();
    String c = byName.get(key(s));
    if (c == null && looksLikeHost(s)) {
      c = forHost(s);
    }
    return c == null ? s : c;
  }

  /** The outlet a host ("edition.cnn.com") belongs to, or null when no alias lists it or a parent domain. */
  public String forHost(String host) {
    String h = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    while (true) {
      String c = byHost.get(h);
      if (c != null) {
        return c;
      }
      int dot = h.indexOf('.');
      if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
        return null;
      }
      h = h.substring(dot + 1);
    }
  }

  static boolean looksLikeHost(String s) {
    return s.matches("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
  }

  /** Case, punctuation and a leading "the" do not distinguish names. */
  static String key(String name) {
    String k = name.toLowerCase(Locale.ROOT).strip().replaceFirst("^the\\s+", "");
    return k.replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static OutletAliases load() {
    Map<String, String> names = new HashMap<>();
    Map<String, String> hosts = new HashMap<>();
    try (InputStream in = OutletAliases.class.getResourceAsStream("outlet-aliases.txt")) {
      if (in == null) {
        throw new ParallaxException("resource outlet-aliases.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s*\\|\\s*");
        String canonical = parts[0].strip();
        for (String p : parts) {
          String alias = p.strip();
          if (looksLikeHost(alias) && alias.equals(alias.toLowerCase(Locale.ROOT))) {
            hosts.put(alias.replaceFirst("^www\\.", ""), canonical);
          }
          names.put(key(alias), canonical);
        }
      }
    } catch (IOException e) {
      throw new ParallaxException("cannot read outlet-aliases.txt: " + e.getMessage(), e);
    }
    return new OutletAliases(names, hosts);
  }
}
