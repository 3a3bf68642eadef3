package org.parallax.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parallax.ParallaxException;
import org.parallax.model.ArticleReport;
import org.parallax.model.Report;
import org.parallax.model.Skipped;
import org.parallax.pipeline.Parallax;

/**
 * Reports on articles a user pastes or uploads. Each upload is written under a fresh temporary folder with a name
 * made from letters, digits, dots and dashes only, so a client's file name never chooses a path; the analysis reads
 * it through the same {@code InputReader} as the CLI (same formats, same messages for bad input), and the report's
 * paths are rewritten back to the names the client sent. Reports are kept in memory under unguessable ids.
 */
final class AdHocAnalyses {
  /** One uploaded or pasted input. */
  record Upload(String name, InputStream content) {}

  private final Parallax parallax;
  private final ReportCache<Report> reports;
  private final SecureRandom random = new SecureRandom();

  AdHocAnalyses(Parallax parallax, int capacity) {
    this.parallax = parallax;
    this.reports = new ReportCache<>(capacity);
  }

  /** Analyses the uploads together; returns the id to fetch the report by. */
  String analyze(List<Upload> uploads) {
    Report r = run(uploads);
    byte[] id = new byte[12];
    random.nextBytes(id);
    String key = HexFormat.of().formatHex(id);
    reports.put(key, r);
    return key;
  }

  /** A report made earlier, or null (unknown id, or evicted). */
  Report get(String id) {
    return id.matches("[0-9a-f]{24}") ? reports.peek(id) : null;
  }

  /** Analyses the uploads and returns the report itself (the JSON API keeps nothing). */
  Report run(List<Upload> uploads) {
    Path dir;
    try {
      dir = Files.createTempDirectory("parallax-upload-");
    } catch (IOException e) {
      throw new ParallaxException("cannot create a temporary folder for the upload: " + e.getMessage(), e);
    }
    try {
      List<Path> files = new ArrayList<>();
      List<String> names = new ArrayList<>();
      int n = 0;
      for (Upload u : uploads) {
        Path sub = dir.resolve(Integer.toString(n++));
        Files.createDirectory(sub);
        String safe = safeName(u.name());
        Path file = sub.resolve(safe);
        try (InputStream in = u.content()) {
          Files.copy(in, file);
        }
        files.add(file);
        names.add(u.name() == null || u.name().isBlank() ? safe : u.name());
      }
      Report r = parallax.analyze(files);
      return withClientNames(r, files, names);
    } catch (IOException e) {
      throw new ParallaxException("cannot store the upload: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Letters, digits, dot, dash and underscore from the last path segment; never empty, never hidden. */
  static String safeName(String clientName) {
    String base = clientName == null ? "" : clientName;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    String cleaned = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    if (cleaned.length() > 100) {
      int dot = cleaned.lastIndexOf('.');
      String ext = dot > 0 && cleaned.length() - dot <= 12 ? cleaned.substring(dot) : "";
      cleaned = cleaned.substring(0, 100 - ext.length()) + ext;
    }
    return cleaned.isEmpty() || cleaned.toLowerCase(Locale.ROOT).matches("\\.*") ? "upload.txt" : cleaned;
  }

  private static Report withClientNames(Report r, List<Path> files, List<String> names) {
    List<ArticleReport> articles = new ArrayList<>();
    for (ArticleReport a : r.articles()) {
      articles.add(new ArticleReport(a.id(), clientPath(a.path(), files, names), a.outlet(), a.title(), a.date(),
          a.byline(), a.url(), a.language(), a.body(), a.removed(), a.loadedLanguage(), a.voices(), a.sentences(),
          a.outletIdentity()));
    }
    List<Skipped> skipped = new ArrayList<>();
    for (Skipped s : r.skipped()) {
      skipped.add(new Skipped(clientPath(s.path(), files, names), hideFolder(s.reason(), files, names)));
    }
    return new Report(articles, r.quotes(), r.claims(), r.conflicts(), r.reuse(), r.coverage(), r.summary(), skipped,
        r.speakers());
  }

  /** A path inside the upload folder, as the client named it (JSON Lines paths keep their ":line" suffix). */
  private static String clientPath(String path, List<Path> files, List<String> names) {
    if (path == null) {
      return null;
    }
    for (int i = 0; i < files.size(); i++) {
      String f = files.get(i).toString();
      if (path.startsWith(f)) {
        return names.get(i) + path.substring(f.length());
      }
    }
    return path;
  }

  private static String hideFolder(String reason, List<Path> files, List<String> names) {
    String out = reason;
    for (int i = 0; i < files.size(); i++) {
      out = out.replace(files.get(i).toString(), names.get(i));
    }
    return out;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // A temporary file left behind is removed with the system's temporary folder.
        }
      });
    } catch (IOException ignored) {
      // As above.
    }
  }
}
