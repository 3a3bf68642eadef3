package org.parallax.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes hostile inputs, each kind a way real scraped data goes wrong or an attacker would try: HTML nested
 * thousands deep or with a flood of tags, a whole file on one line, one paragraph repeated thousands of times,
 * binary noise under a text extension, broken and mixed encodings, giant and deeply nested JSON, control,
 * zero-width and right-to-left characters, floods of quotation marks, folders of tiny files, symbolic link loops,
 * unreadable and empty files. Sizes are drawn up to {@code maxBytes}, most of them small (the cube of a uniform
 * draw), so a run covers the range without every input being a giant one. Deterministic for a seed.
 */
public final class HostileInputs {
  /** The kinds, drawn uniformly. */
  public enum Kind {
    GOOD, DEEP_HTML, WIDE_HTML, HUGE_LINE, REPEATED, BINARY, BROKEN_ENCODING, GIANT_JSON, NESTED_JSON,
    CONTROL_CHARS, QUOTE_FLOOD, TINY_FILES, SYMLINKS, UNREADABLE, EMPTY, BAD_FEED, SCRIPT_FLOOD
  }

  private static final String[] WORDS = ("port union strike workers talks ministry said Monday Thursday offer pay "
      + "officials container ships council mayor police protest government minister spokesman election vote court "
      + "ruling bridge flood storm prices inflation bank rate company shares market report according reporters")
      .split(" ");
  private static final String PARAGRAPH = "Dockworkers walked out on Monday. \"We will not back down,\" union leader "
      + "Maria Costa told reporters outside the gate, as 1,200 workers joined. ";
  private static final String[] TAGS = {"div", "span", "section", "b", "font", "article", "p", "li", "td", "em"};
  private static final String[] TEXT_EXTENSIONS = {"txt", "html", "htm", "json", "jsonl", "xml", "rss"};
  private final Random rnd;
  private final int maxBytes;
  private int serial;

  public HostileInputs(long seed, int maxBytes) {
    this.rnd = new Random(seed);
    this.maxBytes = maxBytes;
  }

  /** One generated case: its kind and the inputs (files and links) it wrote. */
  public record Case(Kind kind, List<Path> inputs) {
    public Case {
      inputs = List.copyOf(inputs);
    }
  }

  /** Writes one case of a random kind into {@code dir}. */
  public Case next(Path dir) throws IOException {
    Kind k = Kind.values()[rnd.nextInt(Kind.values().length)];
    return new Case(k, write(k, dir));
  }

  /** Writes one case of the given kind into {@code dir}, returning the inputs it made. */
  public List<Path> write(Kind kind, Path dir) throws IOException {
    String name = String.format("%s-%05d", kind.name().toLowerCase(java.util.Locale.ROOT), serial++);
    int size = size();
    return switch (kind) {
      case GOOD -> List.of(text(dir, name + ".txt", article(4 + rnd.nextInt(20))));
      case DEEP_HTML -> List.of(text(dir, name + ".html", deepHtml(Math.max(100, size / 8))));
      case WIDE_HTML -> List.of(text(dir, name + ".html", wideHtml(Math.max(100, size / 16))));
      case HUGE_LINE -> List.of(text(dir, name + ".txt", PARAGRAPH.repeat(Math.max(1, size / PARAGRAPH.length()))));
      case REPEATED -> List.of(text(dir, name + ".txt", (PARAGRAPH + "\n\n").repeat(Math.max(1, size / 150))));
      case BINARY -> List.of(bytes(dir, name + "." + ext(), noise(1 + size / 4)));
      case BROKEN_ENCODING -> List.of(bytes(dir, name + "." + (rnd.nextBoolean() ? "txt" : "html"), brokenEncoding()));
      case GIANT_JSON -> List.of(text(dir, name + ".jsonl", giantJson(size)));
      case NESTED_JSON -> List.of(text(dir, name + (rnd.nextBoolean() ? ".json" : ".jsonl"), nestedJson()));
      case CONTROL_CHARS -> List.of(text(dir, name + "." + (rnd.nextBoolean() ? "txt" : "html"), controlChars()));
      case QUOTE_FLOOD -> List.of(text(dir, name + ".txt", quoteFlood(Math.max(10, size / 4))));
      case TINY_FILES -> tinyFiles(dir.resolve(name));
      case SYMLINKS -> symlinks(dir, name);
      case UNREADABLE -> List.of(unreadable(dir, name + ".txt"));
      case EMPTY -> List.of(text(dir, name + ".txt", rnd.nextBoolean() ? "" : " \n\t\n ".repeat(rnd.nextInt(50))));
      case BAD_FEED -> List.of(text(dir, name + (rnd.nextBoolean() ? ".rss" : ".xml"), badFeed(Math.max(10, size / 20))));
      case SCRIPT_FLOOD -> List.of(text(dir, name + ".html", scriptFlood(size)));
    };
  }

  private int size() {
    double u = rnd.nextDouble();
    return (int) Math.max(64, maxBytes * u * u * u);
  }

  private String ext() {
    return TEXT_EXTENSIONS[rnd.nextInt(TEXT_EXTENSIONS.length)];
  }

  private String sentence() {
    StringBuilder sb = new StringBuilder("The");
    int n = 6 + rnd.nextInt(14);
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return sb.append(rnd.nextInt(5) == 0 ? ", officials said." : ".").toString();
  }

  private String article(int sentences) {
    StringBuilder sb = new StringBuilder("Headline about the " + WORDS[rnd.nextInt(WORDS.length)] + "\n\n");
    for (int i = 0; i < sentences; i++) {
      sb.append(sentence()).append(i % 3 == 2 ? "\n\n" : " ");
    }
    return sb.toString();
  }

  private String deepHtml(int depth) {
    StringBuilder sb = new StringBuilder("<html><head><title>Deep</title></head><body>");
    String[] open = new String[depth];
    for (int i = 0; i < depth; i++) {
      open[i] = TAGS[rnd.nextInt(TAGS.length)];
      sb.append('<').append(open[i]).append('>');
    }
    sb.append("<p>").append(article(5)).append("</p>");
    boolean closeAll = rnd.nextBoolean(); // unclosed tags are as common as closed ones in broken pages
    for (int i = depth - 1; i >= 0 && closeAll; i--) {
      sb.append("</").append(open[i]).append('>');
    }
    return sb.append("</body></html>").toString();
  }

  private String wideHtml(int tags) {
    StringBuilder sb = new StringBuilder("<html><body><article><p>").append(article(6)).append("</p>");
    for (int i = 0; i < tags; i++) {
      String t = TAGS[rnd.nextInt(TAGS.length)];
      sb.append('<').append(t).append(" class=\"c").append(i % 97).append("\">").append(WORDS[i % WORDS.length])
          .append("</").append(t).append('>');
    }
    return sb.append("</article></body></html>").toString();
  }

  private byte[] noise(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    if (rnd.nextBoolean() && n > 8) { // noise that starts like a text file, to get past a first-bytes check
      byte[] head = "The port said ".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(head, 0, b, 0, Math.min(head.length, n));
    }
    return b;
  }

  private byte[] brokenEncoding() {
    String text = article(6);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    switch (rnd.nextInt(4)) {
      case 0 -> { // stray invalid bytes in UTF-8
        for (int i = 0; i < 1 + rnd.nextInt(20); i++) {
          utf8[rnd.nextInt(utf8.length)] = (byte) (0x80 + rnd.nextInt(0x80));
        }
        return utf8;
      }
      case 1 -> { // a UTF-16 byte-order mark on UTF-8 text
        byte[] b = new byte[utf8.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(utf8, 0, b, 2, utf8.length);
        return b;
      }
      case 2 -> { // half UTF-8, half Windows-1252
        byte[] a = text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8);
        byte[] c = ("“" + text.substring(text.length() / 2) + "” é").getBytes(java.nio.charset.Charset
            .forName("windows-1252"));
        byte[] b = new byte[a.length + c.length];
        System.arraycopy(a, 0, b, 0, a.length);
        System.arraycopy(c, 0, b, a.length, c.length);
        return b;
      }
      default -> { // UTF-16 without a byte-order mark
        return text.getBytes(StandardCharsets.UTF_16LE);
      }
    }
  }

  private String giantJson(int size) {
    String good = "{\"id\": \"g" + serial + "\", \"text\": \"" + sentence() + " " + sentence() + "\"}\n";
    return switch (rnd.nextInt(3)) {
      case 0 -> good + "{\"id\": \"big\", \"text\": \"" + "word ".repeat(Math.max(1, size / 5)) + "\"}\n" + good;
      case 1 -> "{\"id\": \"unterminated\", \"text\": \"" + "x".repeat(size) + "\n" + good;
      default -> good + "{\"id\": \"long\", \"html\": \"" + "<div>".repeat(Math.max(1, size / 5)) + "\"}";
    };
  }

  private String nestedJson() {
    int depth = 500 + rnd.nextInt(20_000);
    return "[".repeat(depth) + "{\"text\": \"deep\"}" + "]".repeat(rnd.nextBoolean() ? depth : depth / 2);
  }

  private String controlChars() {
    String base = article(8);
    StringBuilder sb = new StringBuilder();
    char[] odd = {'\u0000', '\u0007', '\u001B', '\u007F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
        '\u202E', '\u202D', '\u2066', '\u2067', '\u2069', '\u061C', '\u0301', '\u0336', '\r', '\f', '\u2028'};
    for (int i = 0; i < base.length(); i++) {
      sb.append(base.charAt(i));
      if (rnd.nextInt(4) == 0) {
        int run = rnd.nextInt(10) == 0 ? 200 : 1; // sometimes a long run of one mark
        char c = odd[rnd.nextInt(odd.length)];
        sb.append(String.valueOf(c).repeat(run));
      }
    }
    if (rnd.nextBoolean()) {
      sb.insert(0, "<p>").append("</p>");
    }
    return sb.toString();
  }

  private String quoteFlood(int n) {
    StringBuilder sb = new StringBuilder("Quotes\n\n");
    String[] marks = {"\"", "“", "”", "«", "»", "„", "'"};
    for (int i = 0; i < n / 8; i++) {
      sb.append(marks[rnd.nextInt(marks.length)]).append(WORDS[rnd.nextInt(WORDS.length)]).append(" said ");
    }
    return sb.toString();
  }

  private List<Path> tinyFiles(Path folder) throws IOException {
    Files.createDirectories(folder);
    List<Path> out = new ArrayList<>();
    int n = 20 + rnd.nextInt(60);
    for (int i = 0; i < n; i++) {
      String content = switch (rnd.nextInt(5)) {
        case 0 -> "";
        case 1 -> WORDS[rnd.nextInt(WORDS.length)];
        case 2 -> sentence();
        case 3 -> "{\"text\": \"" + sentence() + "\"}";
        default -> "<p>" + sentence() + "</p>";
      };
      out.add(text(folder, String.format("t%03d.%s", i, ext()), content));
    }
    return out;
  }

  private List<Path> symlinks(Path dir, String name) throws IOException {
    List<Path> out = new ArrayList<>();
    try {
      Path self = dir.resolve(name + "-self.txt");
      Files.createSymbolicLink(self, self.getFileName()); // points at itself
      out.add(self);
      Path a = dir.resolve(name + "-a.txt");
      Path b = dir.resolve(name + "-b.txt");
      Files.createSymbolicLink(a, b.getFileName());
      Files.createSymbolicLink(b, a.getFileName());
      out.add(a);
      out.add(b);
      Path dangling = dir.resolve(name + "-gone.txt");
      Files.createSymbolicLink(dangling, Path.of("no-such-file-" + name + ".txt"));
      out.add(dangling);
      Path up = dir.resolve(name + "-up");
      Files.createSymbolicLink(up, Path.of(".")); // a folder link back to its own folder
      out.add(up);
    } catch (UnsupportedOperationException | IOException e) {
      // a file system without symbolic links: the case holds whatever was made
    }
    return out;
  }

  private Path unreadable(Path dir, String name) throws IOException {
    Path p = text(dir, name, article(5));
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file stays readable
    }
    return p;
  }

  private String badFeed(int depth) {
    return switch (rnd.nextInt(3)) {
      case 0 -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + "<item>".repeat(depth);
      case 1 -> "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;"
          + "&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
          + "<rss version=\"2.0\"><channel><item><title>&lol3;</title><description>&lol3;</description></item>"
          + "</channel></rss>";
      default -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description><![CDATA["
          + article(5) + "]]></description></item>" + "<item><title>t</title></item>".repeat(depth)
          + "</channel></rss>";
    };
  }

  private String scriptFlood(int size) {
    return "<html><head><script>" + "var a=1;".repeat(Math.max(1, size / 8)) + "</script><style>"
        + "p{}".repeat(Math.max(1, size / 16)) + "</style></head><body><!-- " + "-".repeat(size / 8)
        + " --><p>" + article(4) + "</p><!-- unclosed comment " + "x".repeat(size / 8) + "</body></html>";
  }

  private static Path text(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static Path bytes(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
