package org.parallax.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.OutletIdentity;
import org.parallax.model.Removed;

/**
 * Removes the noise that scraping leaves in article text, one line (paragraph) at a time: photo captions and
 * credits, bylines, breadcrumbs, repeated titles, related-article headlines, newsletter and share prompts, and the
 * comment threads and site footers that follow the article. A heuristic built on news-page conventions; every
 * removed line is returned with its reason.
 */
public final class TextCleaner {
  /** The start of the reason given for a line that names another article (copy direction reads these). */
  public static final String RELATED_HEADLINE = "headline of a related article";
  /** The reason given for a person card flattened into a sentence ({@link LinkCards}). */
  public static final String LINK_CARD = "inline link card";
  private static final Pattern TAIL_MARKER = Pattern.compile(
      "(?i)^(leave a (reply|comment)|\\d*\\s*comments?\\b.{0,20}$|join the (conversation|discussion)|notify of"
          + "|view all comments|newest most voted|inline feedbacks|related (articles|stories|posts|news|content)"
          + "|read (more|next)\\s*:?$|more from|you may also like|recommended( for you)?|source link|back to top"
          + "|subscribe to our newsletter|sign up (for|to) our newsletter|share this (article|story|post)"
          + "|about the author|tags?:|filed under|all rights reserved|©|copyright \\d{4}"
          // the same markers in German, French and Spanish, the other languages of our evaluation pages
          + "|weitere (themen|artikel|beiträge|nachrichten|informationen)|mehr (zum thema|aus|zu|dazu)\\b"
          + "|ähnliche (artikel|beiträge)|empfohlene beiträge|das könnte sie auch interessieren|auch interessant"
          + "|(bisher )?keine kommentare|kommentare?\\b.{0,20}$|artikel teilen|jetzt teilen"
          + "|articles? (les plus lus|similaires|recommandés)|à lire aussi|lire aussi|sur le même sujet"
          + "|vos réactions|commentaires?\\b.{0,20}$|leer más|artículos relacionados|comentarios\\b.{0,20}$"
          // "read also" in the common European languages
          + "|see also|lesen sie auch|siehe auch|empfehlungen aus|zobacz (też|także)|czytaj (też|także|więcej)"
          + "|leggi anche|lee también|ver también|lire la suite)");
  private static final Pattern CREDIT = Pattern.compile(
      "(?i)(photograph|photo|image|picture|illustration|video|graphic)( credit)?s?:|getty images|shutterstock"
          + "|cr[ée]dits? photos?\\s?:|\\b(foto|fotos|bild|titelbild|bildquelle)\\s?:"
          + "|\\bvia (reuters|ap|afp|getty|epa|bloomberg|tass)\\b|/(afp|ap|reuters|epa)\\b"
          + "|^\\s*(ap|afp|reuters|epa|tass|getty)( photo)?\\s*$");
  private static final Pattern CAPTION_START = Pattern.compile(
      "(?i)^(in this (photo|image|picture|file photo)|this (photo|image|picture)|\\(photo|pictured:|above:|"
          + "file photo|file -|caption:)");
  private static final Pattern BYLINE = Pattern.compile(
      "^(?:[Bb]y|BY)\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:and\\s+)?\\p{L}[\\p{L}.'’-]*){0,6})\\s*$");
  private static final Pattern OUTLET_BYLINE = Pattern.compile(
      "(?i)^by\\s+(.+?)\\s+(correspondent|staff|reporters?|staff writers?|news desk|desk)$");
  private static final Pattern SOURCE_LINE = Pattern.compile(
      "(?i)^(source|via|originally published (?:by|in|at|on)|this (?:article|story) (?:first )?appeared (?:in|on)"
          + "|translated from)\\s*:?\\s+(.{2,80})$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(?i)^((published|posted|updated|last updated|first published|aktualisiert|veröffentlicht|publié"
          + "|mis à jour)\\b.{0,60}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}( \\d{1,2}:\\d{2})?( uhr)?)$");
  /** Matched against the lower-cased line (case-insensitive matching costs several times more). */
  private static final List<String> PROMO_PHRASES = List.of("subscribe", "sign up", "newsletter", "follow us",
      "share (this|on)", "click here", "advertisement", "sponsored", "download (our|the) app",
      "support (our|independent) journalism", "donate", "cookie", "log ?in", "register now",
      "would love your thoughts", "please comment", "your email address", "anmelden", "abonnieren",
      "jetzt registrieren", "s'abonner", "abonnez-vous", "inscrivez-vous", "affiliate ?link", "anzeige", "einloggen",
      "kommentieren", "last modified");
  private static final Pattern PROMO = Pattern.compile("\\b(" + String.join("|", PROMO_PHRASES) + ")\\b");
  /**
   * The first three characters of every promotion phrase: a line with none of them at the start of a word cannot
   * match {@link #PROMO}, and checking that is much cheaper than the regex's trying every phrase at every word.
   */
  private static final Set<String> PROMO_STARTS = promoStarts();
  private static final Pattern COMMENT_META = Pattern.compile(
      "(?i)^(reply( to)?\\b.{0,40}|\\d+ (second|minute|hour|day|week|month|year)s? ago|report abuse|like|reply)$");
  private static final Pattern BREADCRUMB = Pattern.compile(
      "^[^.!?|]{1,40}(\\s[›»>/]\\s[^.!?|]{1,40}){1,6}$");
  private static final Pattern LABEL = Pattern.compile(
      "(?i)^(\\d+ min(ute)?s? read|reading time.{0,20}|lesezeit.{0,20}|table of contents|contents|inhaltsverzeichnis"
          + "|inhalt|sommaire|publikation:?|veröffentlichung:?|aktuell|print( this)?( recipe| article)?|drucken"
          + "|teilen|share|advertisement|anzeige|werbung|publicité)$");
  /** Characters that end a sentence or a quotation: a line ending in one reads as prose. */
  /** A slide of a photo gallery flattened into text: "… Hide Caption 3 of 21 Photos: …". */
  private static final Pattern GALLERY_SLIDE = Pattern.compile("Hide Caption \\d+ of \\d+");

  /**
   * A photo gallery: two slides or more, or a line opening "Photos:" with one. Galleries run to thousands of
   * words of captions that are not the article, and one outlet repeats them across its articles on a topic.
   */
  static boolean isGallery(String line) {
    int at = line.indexOf("Hide Caption");
    if (at < 0) {
      return false;
    }
    Matcher m = GALLERY_SLIDE.matcher(line);
    int slides = 0;
    while (m.find(at) && ++slides < 2) {
      at = m.end();
    }
    return slides >= 2 || (slides == 1 && line.stripLeading().startsWith("Photos:"));
  }

  private static final String TERMINAL_CHARS = ".!?…\"”’»):;";
  /**
   * Invisible characters, dropped: zero-width spaces and joiners, byte-order marks, and soft hyphens (a hyphenation
   * hint inside a word: "re", soft hyphen, "lies" is "relies", not "re" and "lies").
   */
  private static final Pattern ZERO_WIDTH = Pattern.compile("[\u200B\u200C\u200D\uFEFF\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[ \t]+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for",
      "with", "by", "from", "as", "is", "are", "was", "were", "be", "it", "its", "this", "that", "over", "after",
      "but", "not", "no", "new", "how", "why", "what", "who", "his", "her", "their", "s");

  /**
   * Cleans scraped text. {@code knownTitle} (may be null) comes from metadata; without it the title is chosen
   * among the lines above the first paragraph of prose.
   */
  public Cleaned clean(String raw, String knownTitle) {
    return clean(raw, knownTitle, false);
  }

  /**
   * With {@code fromHtml}, the lines are the blocks of an extracted main-content container: page headers and
   * non-prose lines there are subheadings and list items, not scraping debris, so only the explicit noise rules
   * apply (credits, captions, bylines, promotions, comment threads, repeated titles).
   */
  public Cleaned clean(String raw, String knownTitle, boolean fromHtml) {
    List<String> lines = lines(raw);
    List<Removed> removed = new ArrayList<>();
    List<String> cards = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = LinkCards.strip(lines.get(i), cards);
      if (!cards.isEmpty()) {
        lines.set(i, line);
        cards.forEach(c -> removed.add(new Removed(c, LINK_CARD)));
        cards.clear();
      }
    }
    int n = lines.size();
    String[] reason = new String[n];
    String byline = null;
    String outlet = null;
    OutletIdentity.Basis outletBasis = null;
    String date = null;

    int[] wc = new int[n];
    for (int i = 0; i < n; i++) {
      wc[i] = wordCount(lines.get(i));
    }
    cutTail(lines, reason, wc);

    // Line-level noise.
    for (int i = 0; i < n; i++) {
      if ((i & 63) == 0) {
        org.parallax.Interrupts.check();
      }
      if (reason[i] != null) {
        continue;
      }
      String line = lines.get(i);
      int words = wc[i];
      if (isGallery(line)) {
        reason[i] = "photo gallery";
        continue;
      }
      if (words > 80) {
        continue; // long prose: none of the noise rules below is meant for it, and scanning it is costly
      }
      Matcher m;
      if (words == 0) {
        reason[i] = "punctuation debris";
      } else if (words <= 12 && hasBreadcrumbSeparator(line) && BREADCRUMB.matcher(line).find()) {
        reason[i] = "breadcrumb";
      } else if (words <= 15 && CREDIT.matcher(line).find()) {
        reason[i] = "photo credit";
        if (!line.strip().endsWith(".")) {
          markCaptionBefore(lines, reason, i); // a bare credit labels the caption above it
        }
      } else if (line.contains("|") && words <= 12 && !endsTerminal(line)) {
        reason[i] = "photo credit";
        markCaptionBefore(lines, reason, i);
      } else if (creditAtEnd(line) || CAPTION_START.matcher(line).find()) {
        reason[i] = "photo caption";
      } else if ((m = OUTLET_BYLINE.matcher(line)).find()) {
        reason[i] = "byline";
        byline = line;
        outlet = m.group(1).strip();
        outletBasis = OutletIdentity.Basis.BYLINE;
      } else if (words <= 8 && (m = BYLINE.matcher(line)).find()) {
        reason[i] = "byline";
        byline = m.group(1).strip();
      } else if (words <= 12 && (m = SOURCE_LINE.matcher(line)).find()) {
        reason[i] = "source credit";
        if (m.group(1).equalsIgnoreCase("source")) {
          outlet = m.group(2).strip();
          outletBasis = OutletIdentity.Basis.SOURCE_LINE;
        }
      } else if (words <= 12 && TIMESTAMP.matcher(line).find()) {
        reason[i] = "timestamp";
        date = line;
      } else if (words <= 30 && isPromotion(line)) {
        reason[i] = "promotion or sign-up prompt";
      } else if (COMMENT_META.matcher(line).find()) {
        reason[i] = "comment widget";
      } else if (LABEL.matcher(line).find()) {
        reason[i] = "page label";
      }
    }

    TeaserLists.mark(lines, reason, wc, RELATED_HEADLINE + " (teaser list)");

    // Title and header zone: lines above the first paragraph of prose.
    int firstProse = -1;
    for (int i = 0; i < n; i++) {
      if (reason[i] == null && isProse(lines.get(i), wc[i])) {
        firstProse = i;
        break;
      }
    }
    if (firstProse < 0) {
      firstProse = n;
    }
    String title = knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip();
    if (title == null) {
      StringBuilder kept = new StringBuilder();
      for (int i = firstProse; i < n; i++) {
        if (reason[i] == null) {
          kept.append(lines.get(i)).append(' ');
        }
      }
      Set<String> bodyWords = contentWords(kept.toString());
      double best = 0;
      int bestAt = -1;
      for (int i = 0; i < firstProse; i++) {
        if (reason[i] != null || !isHeadline(lines.get(i))) {
          continue;
        }
        double score = titleScore(lines.get(i), bodyWords);
        if (score > best) {
          best = score;
          bestAt = i;
        }
      }
      if (bestAt < 0 && firstProse > 0) {
        for (int i = 0; i < firstProse; i++) {
          if (reason[i] == null) {
            bestAt = i;
            break;
          }
        }
      }
      if (bestAt >= 0) {
        title = lines.get(bestAt).strip();
        reason[bestAt] = "title";
      }
    }
    String normTitle = title == null || norm(title).isEmpty() ? null : norm(title);
    int titleWords = title == null ? 0 : wordCount(title);
    int titleAt = -1;
    for (int i = 0; i < n; i++) {
      if ("title".equals(reason[i])) {
        titleAt = i;
      }
    }
    for (int i = 0; i < n; i++) {
      if (reason[i] != null) {
        continue;
      }
      String line = lines.get(i);
      // A title or breadcrumb is never a long paragraph, and a repeated title has about the title's length.
      boolean mayBeTitle = normTitle != null && wc[i] <= 40
          && (i < firstProse || (wc[i] >= titleWords / 2 && wc[i] <= titleWords * 2 + 2));
      String nl = mayBeTitle ? norm(line) : "";
      if (normTitle != null && nl.equals(normTitle)) {
        reason[i] = "repeated title";
      } else if (normTitle != null && i < firstProse && nl.endsWith(normTitle)) {
        reason[i] = "breadcrumb";
      } else if (fromHtml) {
        continue;
      } else if (i < firstProse && (wordCount(line) < 8 || i < titleAt)) {
        reason[i] = "page header";
        if (outlet == null && looksLikeName(line)) {
          outlet = line.strip(); // a masthead such as "Free Market Herald"
          outletBasis = OutletIdentity.Basis.MASTHEAD;
        }
      } else if (i >= firstProse && !isProse(line, wc[i]) && !isSubheading(line)) {
        reason[i] = RELATED_HEADLINE + " or label";
      }
    }
    if (fromHtml) {
      // Short labels after the last paragraph of prose are the page's tail (tags, share bars, "more" links).
      int lastProse = -1;
      for (int i = 0; i < n; i++) {
        if (reason[i] == null && isProse(lines.get(i), wc[i])) {
          lastProse = i;
        }
      }
      for (int i = lastProse + 1; i < n && lastProse >= 0; i++) {
        if (reason[i] == null && !isSubheading(lines.get(i)) && wordCount(lines.get(i)) < 12) {
          reason[i] = "label after the article";
        }
      }
      for (int i = 0; i < firstProse; i++) {
        if (reason[i] == null && !isSubheading(lines.get(i)) && wordCount(lines.get(i)) < 4) {
          reason[i] = "label before the article";
        }
      }
    }
    // Repeated paragraphs (captions and pull quotes printed twice).
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (reason[i] == null && !seen.add(lines.get(i).toLowerCase(Locale.ROOT))) {
        reason[i] = "repeated paragraph";
      }
    }

    StringBuilder body = new StringBuilder();
    boolean titleReported = false;
    for (int i = 0; i < n; i++) {
      if (reason[i] == null) {
        if (body.length() > 0) {
          body.append("\n\n");
        }
        body.append(lines.get(i).strip());
      } else if (reason[i].equals("title") && !titleReported) {
        titleReported = true; // the title is metadata, not noise
      } else {
        removed.add(new Removed(lines.get(i).strip(), reason[i]));
      }
    }
    return new Cleaned(title, body.toString(), byline, outlet, date, removed, outletBasis);
  }

  private static void cutTail(List<String> lines, String[] reason, int[] wc) {
    int n = lines.size();
    int total = 0;
    for (String l : lines) {
      total += l.length();
    }
    int before = 0;
    int proseBefore = 0;
    for (int i = 0; i < n; i++) {
      String line = lines.get(i).strip();
      if (proseBefore >= 2 && before > total * 0.4 && TAIL_MARKER.matcher(line).find()) {
        for (int j = i; j < n; j++) {
          reason[j] = j == i ? "footer or comments marker" : "comments or footer after '" + clip(line) + "'";
        }
        return;
      }
      before += lines.get(i).length();
      if (isProse(line, wc[i])) {
        proseBefore++;
      }
    }
  }

  /** The paragraph just above a photo credit is its caption, unless it is the title or long prose. */
  private static void markCaptionBefore(List<String> lines, String[] reason, int credit) {
    int j = credit - 1;
    while (j >= 0 && reason[j] != null && !reason[j].startsWith("photo")) {
      j--;
    }
    if (j >= 0 && reason[j] == null && wordCount(lines.get(j)) <= 70 && j > 0) {
      reason[j] = "photo caption";
    }
  }

  /**
   * A caption ends with its credit ("… on Tuesday. Photograph: AFP/Getty Images"); a paragraph that merely
   * mentions "via Reuters" somewhere is prose.
   */
  private static boolean creditAtEnd(String line) {
    // Only a match starting in the last 120 characters counts, so only the tail is scanned, and only when it holds
    // something every credit pattern needs (a colon, a slash, an agency or a stock-photo name).
    int from = Math.max(0, line.length() - 120);
    if (line.length() > 30 && line.indexOf(':', from) < 0 && line.indexOf('/', from) < 0) {
      String tail = line.substring(from).toLowerCase(Locale.ROOT);
      if (!tail.contains("getty") && !tail.contains("shutterstock") && !tail.contains("via ")) {
        return false;
      }
    }
    Matcher m = CREDIT.matcher(line).useTransparentBounds(true).useAnchoringBounds(false);
    m.region(Math.max(0, line.length() - 120), line.length());
    return m.find();
  }

  private static Set<String> promoStarts() {
    Set<String> starts = new HashSet<>();
    for (String phrase : PROMO_PHRASES) {
      String start = phrase.substring(0, 3);
      if (!start.chars().allMatch(c -> Character.isLetter(c) || c == '\'')) {
        throw new IllegalStateException("promotion phrase must start with three plain characters: " + phrase);
      }
      starts.add(start);
    }
    return starts;
  }

  private static boolean isPromotion(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (int i = 0; i + 3 <= lower.length(); i++) {
      // \b before a letter: the character before is no word character (Java's \b: letter, digit or '_')
      boolean wordStart = i == 0 || !(Character.isLetterOrDigit(lower.charAt(i - 1)) || lower.charAt(i - 1) == '_');
      if (wordStart && PROMO_STARTS.contains(lower.substring(i, i + 3))) {
        return PROMO.matcher(lower).find();
      }
    }
    return false;
  }

  /**
   * Whether the line's last character is one of {@link #TERMINAL_CHARS}, as the regex {@code [...]$} would find it
   * (that {@code $} also matches before one final line terminator).
   */
  private static boolean endsTerminal(String line) {
    int end = line.length();
    if (end >= 2 && line.charAt(end - 2) == '\r' && line.charAt(end - 1) == '\n') {
      end -= 2;
    } else if (end >= 1 && "\n\r\u0085\u2028\u2029".indexOf(line.charAt(end - 1)) >= 0) {
      end -= 1;
    }
    return end >= 1 && TERMINAL_CHARS.indexOf(line.charAt(end - 1)) >= 0;
  }

  private static boolean hasBreadcrumbSeparator(String line) {
    return line.indexOf('›') >= 0 || line.indexOf('»') >= 0 || line.indexOf('>') >= 0 || line.indexOf('/') >= 0;
  }

  private static boolean looksLikeName(String line) {
    String[] w = line.strip().split("\\s+");
    if (w.length < 2 || w.length > 5) {
      return false;
    }
    for (String x : w) {
      if (!(Character.isUpperCase(x.charAt(0)) || x.equals("of") || x.equals("the") || x.equals("and"))
          || x.chars().anyMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  static boolean isProse(String line) {
    return isProse(line, wordCount(line));
  }

  private static boolean isProse(String line, int words) {
    return words >= 25 || (words >= 6 && endsTerminal(line.strip()));
  }

  private static boolean isHeadline(String line) {
    int w = wordCount(line);
    return w >= 3 && w <= 30 && !line.strip().endsWith(".");
  }

  private static boolean isSubheading(String line) {
    String s = line.strip();
    return (s.endsWith("?") || s.endsWith(":")) && wordCount(s) <= 15;
  }

  private static double titleScore(String line, Set<String> bodyWords) {
    Set<String> words = contentWords(line);
    if (words.isEmpty()) {
      return 0;
    }
    int hits = 0;
    for (String w : words) {
      if (bodyWords.contains(w)) {
        hits++;
      }
    }
    // Overlap with the body, favouring full headlines over short taglines and section labels.
    return hits * (double) hits / words.size() + 0.05 * Math.min(words.size(), 12);
  }

  private static Set<String> contentWords(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!STOP.contains(w) && w.length() > 1) {
        out.add(w);
      }
    }
    return out;
  }

  /** Counts {@link #WORD} matches without a regex: this runs on every line of every article. */
  static int wordCount(String line) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); ) {
      int c = line.charAt(i);
      if (c >= 0x80) {
        c = line.codePointAt(i);
      }
      boolean letterOrDigit = c < 0x80 ? ASCII_WORD[c] : isLetterOrNumber(c);
      if (!inWord && letterOrDigit) {
        n++;
        inWord = true;
      } else if (inWord && !letterOrDigit && c != '\'' && c != '\u2019' && c != '-') {
        inWord = false;
      }
      i += Character.charCount(c);
    }
    return n;
  }

  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = isLetterOrNumber(c);
    }
  }

  private static boolean isLetterOrNumber(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  static List<String> lines(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
    if (hasZeroWidth(text)) { // rare: skip the regex pass over the whole text otherwise
      text = ZERO_WIDTH.matcher(text).replaceAll("");
    }
    List<String> out = new ArrayList<>();
    for (String l : text.split("\n")) {
      String s = l.strip();
      if (s.indexOf('\t') >= 0 || s.contains("  ")) {
        s = SPACES.matcher(s).replaceAll(" ");
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean hasZeroWidth(String text) {
    return text.indexOf('\u200B') >= 0 || text.indexOf('\u200C') >= 0 || text.indexOf('\u200D') >= 0
        || text.indexOf('\uFEFF') >= 0 || text.indexOf('\u00AD') >= 0;
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
