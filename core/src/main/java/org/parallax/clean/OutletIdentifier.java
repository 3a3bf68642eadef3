package org.parallax.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.OutletIdentity;
import org.parallax.model.OutletIdentity.Basis;
import org.parallax.model.Removed;

/**
 * Names the outlet of a cleaned article from the strongest evidence it carries, in the order of {@link Basis}: the
 * container's metadata, the page's metadata, a staff byline or masthead, the site's footer (a short name the footer
 * repeats at the head of its tagline, "news7g" / "News7g: Update the world's latest…"), a copyright line, a
 * "Source:" line, the URL's host. The file name is only a label, and the outlet is then unknown. Separately, a
 * "Translated from …" or "Originally published by …" line names the text's original source, which is kept as such
 * and never taken for the publisher. Every name goes through {@link OutletAliases}. A heuristic over page
 * conventions: it reads the lines cleaning removed and the last paragraphs of the body, nothing else.
 */
public final class OutletIdentifier {
  private static final Pattern ORIGINAL = Pattern.compile(
      "(?i)^(?:translated (?:from|by [^:]{1,40} from)|originally (?:published|appeared) (?:by|in|at|on)"
          + "|this (?:article|story|piece) (?:was )?(?:first |originally )?(?:appeared|published) (?:in|on|by|at)"
          + "|republished (?:from|with permission (?:from|of))|reprinted (?:from|with permission (?:from|of)))"
          + "\\s*:?\\s+(?:the (?=\\p{Lu}))?(.{2,60}?)[.\\s]*$");
  private static final Pattern SOURCE = Pattern.compile("(?i)^source\\s*:\\s*(.{2,60}?)[.\\s]*$");
  private static final Pattern COPYRIGHT = Pattern.compile(
      "(?i)(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?(?:by\\s+)?"
          + "(\\p{L}[^.|,©]{1,50}?)\\s*(?:[.,|]|all rights reserved|$)");
  /** A copyright line of a picture names its photographer or agency, not the publisher. */
  private static final Pattern PICTURE_AGENCY = Pattern.compile(
      "(?i)\\b(getty|fotolia|shutterstock|istock|adobe ?stock|imago|picture[- ]alliance|dpa|afp|epa|alamy|"
          + "photo|foto|bild|image)");
  private static final Pattern LEGAL_SUFFIX = Pattern.compile("(?i)\\s*,?\\s+(inc|llc|ltd|corp|co|plc|gmbh|s\\.a)\\.?$");
  /** Paragraphs at the end of the body searched for credit lines the cleaner kept. */
  private static final int TAIL_PARAGRAPHS = 3;
  private static final int MAX_EVIDENCE = 160;

  private final OutletAliases aliases;

  public OutletIdentifier() {
    this(OutletAliases.defaults());
  }

  public OutletIdentifier(OutletAliases aliases) {
    this.aliases = aliases;
  }

  /** What the cleaners found, handed over as is. */
  public record Clues(String metadata, String pageMetadata, String cleanerOutlet, Basis cleanerBasis, String url,
                      List<Removed> removed, String body, String fileLabel) {}

  public OutletIdentity identify(Clues c) {
    List<String> lines = new ArrayList<>();
    for (Removed r : c.removed()) {
      if (!r.reason().contains("photo") && !r.reason().contains("caption")) { // "© Getty Images" credits a picture
        lines.add(r.text().strip());
      }
    }
    lines.addAll(lastParagraphs(c.body()));
    String[] original = original(lines);
    String source = null;
    String sourceLine = null;
    for (String l : lines) {
      Matcher m = SOURCE.matcher(l);
      if (m.matches() && nameLike(m.group(1))) {
        source = m.group(1).strip();
        sourceLine = l;
        break;
      }
    }
    OutletIdentity id = publisher(c, lines, source, sourceLine);
    String orig = original == null ? null : aliases.canonical(original[0]);
    String origEvidence = original == null ? null : original[1];
    if (orig == null && source != null && id.basis().compareTo(Basis.SOURCE_LINE) < 0
        && !aliases.canonical(source).equals(id.name())) {
      orig = aliases.canonical(source); // the publisher is named otherwise: the "Source:" line credits another
      origEvidence = clip(sourceLine);
    }
    if (orig != null && orig.equals(id.name())) {
      orig = null;
      origEvidence = null;
    }
    return new OutletIdentity(id.name(), id.basis(), id.evidence(), orig, origEvidence);
  }

  private OutletIdentity publisher(Clues c, List<String> lines, String source, String sourceLine) {
    if (nonBlank(c.metadata())) {
      return named(c.metadata(), Basis.METADATA, c.metadata());
    }
    if (nonBlank(c.pageMetadata())) {
      return named(c.pageMetadata(), Basis.PAGE_METADATA, c.pageMetadata());
    }
    if (nonBlank(c.cleanerOutlet())
        && (c.cleanerBasis() == Basis.BYLINE || c.cleanerBasis() == Basis.MASTHEAD)) {
      return named(c.cleanerOutlet(), c.cleanerBasis(), evidenceLine(c.removed(), c.cleanerOutlet(),
          c.cleanerBasis() == Basis.BYLINE ? "byline" : "page header"));
    }
    String[] footer = footerName(c.removed());
    if (footer != null) {
      return named(footer[0], Basis.FOOTER, footer[1]);
    }
    for (String l : lines) {
      Matcher m = COPYRIGHT.matcher(l);
      if (l.length() <= 200 && m.find()) {
        String name = LEGAL_SUFFIX.matcher(m.group(1).strip()).replaceFirst("");
        if (nameLike(name) && !name.toLowerCase(Locale.ROOT).startsWith("all rights") && !name.contains("/")
            && !PICTURE_AGENCY.matcher(name).find()) {
          return named(name, Basis.COPYRIGHT, l);
        }
      }
    }
    if (source != null) {
      return named(source, Basis.SOURCE_LINE, sourceLine);
    }
    String host = ArticleCleaner.host(c.url());
    if (host != null) {
      String known = aliases.forHost(host);
      return new OutletIdentity(known == null ? host : known, Basis.URL_HOST, c.url(), null, null);
    }
    return new OutletIdentity(c.fileLabel(), Basis.UNKNOWN, null, null, null);
  }

  private OutletIdentity named(String name, Basis basis, String evidence) {
    return new OutletIdentity(aliases.canonical(name), basis, clip(evidence), null, null);
  }

  /**
   * A short line of the removed tail that the tail repeats at the head of a longer line, as a site's footer names
   * it and then gives its tagline ("news7g", then "News7g: Update the world's latest breaking news…").
   */
  static String[] footerName(List<Removed> removed) {
    List<String> tail = new ArrayList<>();
    for (Removed r : removed) {
      if (r.reason().startsWith("comments or footer after") || r.reason().startsWith("footer or comments marker")
          || r.reason().equals("site footer")) {
        tail.add(r.text().strip());
      }
    }
    for (int i = 0; i < tail.size(); i++) {
      String name = tail.get(i);
      if (name.length() < 2 || name.length() > 40 || name.split("\\s+").length > 4 || !nameLike(name)) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      for (int j = i + 1; j < Math.min(tail.size(), i + 4); j++) {
        String t = tail.get(j).toLowerCase(Locale.ROOT);
        if (t.length() > lower.length() + 10 && t.startsWith(lower)
            && t.substring(lower.length()).matches("(?s)^(\\s*[:–—-]|\\s+is\\s).*")) {
          return new String[] {name, clip(tail.get(j))};
        }
      }
    }
    return null;
  }

  private static String[] original(List<String> lines) {
    for (String l : lines) {
      if (l.length() > 200) {
        continue;
      }
      Matcher m = ORIGINAL.matcher(l);
      if (m.matches() && nameLike(m.group(1))) {
        return new String[] {m.group(1).strip(), clip(l)};
      }
    }
    return null;
  }

  /** A name, not a sentence: at most six words, starting with a letter or digit, no sentence inside. */
  static boolean nameLike(String s) {
    String t = s.strip();
    return !t.isEmpty() && t.split("\\s+").length <= 6 && Character.isLetterOrDigit(t.charAt(0))
        && !t.contains(". ") && !t.endsWith("?");
  }

  private static List<String> lastParagraphs(String body) {
    List<String> out = new ArrayList<>();
    int end = body.length();
    for (int k = 0; k < TAIL_PARAGRAPHS && end > 0; k++) {
      int start = body.lastIndexOf("\n\n", end - 1);
      String p = body.substring(start < 0 ? 0 : start + 2, end).strip();
      if (!p.isEmpty() && p.length() <= 200) {
        out.add(p);
      }
      if (start < 0) {
        break;
      }
      end = start;
    }
    return out;
  }

  private static String evidenceLine(List<Removed> removed, String name, String reason) {
    for (Removed r : removed) {
      if (r.reason().equals(reason) && r.text().contains(name)) {
        return r.text();
      }
    }
    return name;
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String clip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.length() <= MAX_EVIDENCE ? t : t.substring(0, MAX_EVIDENCE - 1) + "…";
  }
}
