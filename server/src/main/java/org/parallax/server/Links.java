package org.parallax.server;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URL pieces built from untrusted values: path segments percent-encoded, outbound links only when http(s). */
final class Links {
  private Links() {}

  /** One path segment: every character that could end it or change its meaning is percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The URL when it is an absolute http(s) URL, else null: a {@code javascript:} or {@code data:} link is dropped. */
  static String safeLink(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toASCIIString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
