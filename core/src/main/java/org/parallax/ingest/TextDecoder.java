package org.parallax.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into text the way scraped files need: byte-order marks for UTF-8 and UTF-16, strict UTF-8, and a
 * Windows-1252 fallback (a superset of Latin-1) for legacy files. Binary files are refused with what they look like.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Decoded text and the charset used; {@code note} is non-null when the caller should tell the user. */
  public record Decoded(String text, String charset, String note) {}

  private TextDecoder() {}

  private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_-]+)");

  /**
   * HTML bytes fetched over HTTP: the charset from the response's Content-Type wins over the page's own
   * declaration (as browsers do), except against a byte-order mark; null or unknown falls back to
   * {@link #decodeHtml(byte[])}.
   */
  public static Decoded decodeHtml(byte[] bytes, String httpCharset) {
    if (httpCharset != null && bytes.length > 3 && !startsWith(bytes, 0xEF, 0xBB, 0xBF)
        && !startsWith(bytes, 0xFF, 0xFE) && !startsWith(bytes, 0xFE, 0xFF) && binaryKind(bytes) == null) {
      try {
        Charset cs = Charset.forName(httpCharset.strip().replace("\"", ""));
        if (!cs.equals(StandardCharsets.UTF_8)) {
          return new Decoded(new String(bytes, cs), cs.name(), null);
        }
      } catch (IllegalArgumentException unknownCharset) {
        // fall through to the page's own declaration
      }
    }
    return decodeHtml(bytes);
  }

  /** Like {@link #decode}, but an HTML page's own {@code <meta charset>} declaration is honoured first. */
  public static Decoded decodeHtml(byte[] bytes) {
    if (bytes.length > 3 && !startsWith(bytes, 0xEF, 0xBB, 0xBF) && !startsWith(bytes, 0xFF, 0xFE)
        && !startsWith(bytes, 0xFE, 0xFF)) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      java.util.regex.Matcher m = META_CHARSET.matcher(head);
      if (m.find() && binaryKind(bytes) == null) {
        try {
          Charset cs = Charset.forName(m.group(1));
          if (!cs.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(bytes, cs), cs.name(), null);
          }
        } catch (IllegalArgumentException unknownCharset) {
          // fall through to detection
        }
      }
    }
    return decode(bytes);
  }

  public static Decoded decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new BadInputException("empty file");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strictUtf8(bytes, 3, "UTF-8 (BOM)");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", null);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", null);
    }
    String kind = binaryKind(bytes);
    if (kind != null) {
      throw new BadInputException("binary file (" + kind + "), not text");
    }
    try {
      return strictUtf8(bytes, 0, "UTF-8");
    } catch (BadInputException e) {
      return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252",
          "not valid UTF-8; decoded as Windows-1252");
    }
  }

  private static Decoded strictUtf8(byte[] bytes, int offset, String label) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
      return new Decoded(text, label, null);
    } catch (CharacterCodingException e) {
      throw new BadInputException("invalid UTF-8");
    }
  }

  /** Names the kind of binary content, or null when the bytes look like text. */
  static String binaryKind(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "PDF document";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "ZIP archive or office document";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "gzip-compressed data";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "PNG image";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "JPEG image";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "GIF image";
    }
    int n = Math.min(b.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return "contains NUL bytes";
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control > n / 20 ? "mostly control characters" : null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
