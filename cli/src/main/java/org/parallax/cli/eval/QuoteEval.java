package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parallax.model.Quote;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.NlpModels;
import org.parallax.quotes.PatternQuoteAttributor;
import org.parallax.quotes.SideGazetteer;
import org.parallax.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Quote attribution on PolNeAR. Gold: attributions whose content is a direct quotation (quote marks cover at least
 * half of it) and whose source is named (has a capitalised word that is not a pronoun or article). A gold quote is
 * found when one of our quotes overlaps its content with a speaker matching the source (same surname or name
 * word). Our attributed quotes that overlap no gold attribution, or overlap a gold direct quote with the wrong
 * speaker, are false positives; ours overlapping an attribution with an unnamed source are not judged.
 */
@Command(name = "quotes", mixinStandardHelpOptions = true,
    description = "Quote speaker attribution: precision/recall/F1 on PolNeAR (direct quotes with a named source).")
public final class QuoteEval implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/polnear/data",
      description = "PolNeAR data folder (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--split", defaultValue = "dev", description = "dev, train or test (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--errors", description = "Print up to this many wrong or missed attributions.")
  int errors;

  @Spec
  CommandSpec spec;

  private record Attribution(int start, int end, String source, boolean direct, boolean named) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path texts = data.resolve(split).resolve("text");
    Path anns = data.resolve(split).resolve("attributions");
    if (!Files.isDirectory(texts) || !Files.isDirectory(anns)) {
      spec.commandLine().getErr().println("eval quotes: " + texts + " or " + anns + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    Annotator annotator = new Annotator(NlpModels.load());
    PatternQuoteAttributor attributor = new PatternQuoteAttributor(new SideGazetteer());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long notJudged = 0;
    int docs = 0;
    int shown = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(anns)) {
      files = s.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
    }
    for (Path ann : files) {
      String base = ann.getFileName().toString().replaceFirst("_[0-9a-f]{4}\\.ann$", "");
      Path txt = texts.resolve(base + ".txt");
      if (!Files.exists(txt)) {
        continue;
      }
      docs++;
      String text = Files.readString(txt, StandardCharsets.UTF_8);
      List<Attribution> gold = parse(ann, text);
      List<Quote> ours = attributor.attribute(base, text, annotator.annotate(text));
      for (Attribution g : gold) {
        if (!g.direct() || !g.named()) {
          continue;
        }
        boolean found = false;
        for (Quote q : ours) {
          if (q.speaker() != null && overlaps(q, g) && sameSpeaker(q.speaker(), g.source())) {
            found = true;
          }
        }
        if (found) {
          tp++;
        } else {
          fn++;
          if (shown < errors) {
            shown++;
            Quote near = ours.stream().filter(q -> overlaps(q, g)).findFirst().orElse(null);
            out.println("MISSED  gold=" + g.source() + "  ours=" + (near == null ? "(no quote)" : near.speaker())
                + "  :: " + clip(text.substring(g.start(), g.end())));
          }
        }
      }
      for (Quote q : ours) {
        if (q.speaker() == null) {
          continue;
        }
        List<Attribution> hit = gold.stream().filter(g -> overlaps(q, g)).toList();
        if (hit.isEmpty()) {
          fp++;
          if (shown < errors) {
            shown++;
            out.println("EXTRA   ours=" + q.speaker() + "  :: " + clip(q.text()));
          }
          continue;
        }
        boolean judged = hit.stream().anyMatch(g -> g.direct() && g.named());
        if (!judged) {
          notJudged++;
        } else if (hit.stream().noneMatch(g -> g.direct() && g.named() && sameSpeaker(q.speaker(), g.source()))) {
          fp++;
          if (shown < errors) {
            shown++;
            out.println("WRONG   ours=" + q.speaker() + "  gold=" + hit.get(0).source() + "  :: " + clip(q.text()));
          }
        }
      }
    }
    Scores s = new Scores(tp, fp, fn);
    out.println("PolNeAR " + split + ": " + docs + " articles, " + (tp + fn)
        + " gold direct quotes with a named source");
    out.println(s.line("speaker attribution"));
    out.println("not judged (our speaker for a quote whose gold source is a pronoun or unnamed): " + notJudged);
    out.flush();
    return 0;
  }

  private static boolean overlaps(Quote q, Attribution g) {
    return q.span().start() < g.end() && g.start() < q.span().end();
  }

  /** Speakers match when a name word of ours (3+ letters) appears among the source's words. */
  static boolean sameSpeaker(String ours, String source) {
    if (source == null) {
      return false;
    }
    List<String> src = List.of(source.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").split("[^\\p{L}]+"));
    for (String w : ours.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").split("[^\\p{L}]+")) {
      if (w.length() >= 3 && src.contains(w) && !w.equals("the")) {
        return true;
      }
    }
    return false;
  }

  private static List<Attribution> parse(Path ann, String text) throws IOException {
    Map<String, int[]> spans = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    List<Attribution> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
    for (String line : lines) {
      if (!line.startsWith("T")) {
        continue;
      }
      String[] parts = line.split("\t");
      String[] typeAndOffsets = parts.length < 2 ? new String[0] : parts[1].split(" ", 2);
      if (typeAndOffsets.length < 2) {
        continue; // a few train files have broken text-bound lines
      }
      int start = Integer.MAX_VALUE;
      int end = 0;
      for (String frag : typeAndOffsets[1].split(";")) {
        String[] se = frag.trim().split(" ");
        start = Math.min(start, Integer.parseInt(se[0]));
        end = Math.max(end, Integer.parseInt(se[1]));
      }
      spans.put(parts[0], new int[] {start, end});
      texts.put(parts[0], parts.length > 2 ? parts[2] : "");
    }
    for (String line : lines) {
      if (!line.startsWith("E")) {
        continue;
      }
      Map<String, String> roles = new HashMap<>();
      for (String p : line.split("\t")[1].split(" ")) {
        String[] kv = p.split(":");
        if (kv.length == 2) {
          roles.put(kv[0], kv[1]);
        }
      }
      int[] content = spans.get(roles.get("Content"));
      if (content == null) {
        continue;
      }
      String source = roles.containsKey("Source") ? texts.get(roles.get("Source")) : null;
      out.add(new Attribution(content[0], content[1], source, isDirect(text, content), isNamed(source)));
    }
    return out;
  }

  /** Quote marks cover at least half of the content (marks just outside the span count). */
  static boolean isDirect(String text, int[] span) {
    int from = Math.max(0, span[0] - 2);
    int to = Math.min(text.length(), span[1] + 2);
    int quoted = 0;
    boolean in = false;
    int marks = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '“' || c == '”' || c == '"') {
        marks++;
        in = c == '“' || (c == '"' && !in);
        continue;
      }
      if (in && i >= span[0] && i < span[1]) {
        quoted++;
      }
    }
    return marks >= 2 && quoted >= (span[1] - span[0]) / 2;
  }

  static boolean isNamed(String source) {
    if (source == null) {
      return false;
    }
    for (String w : source.split("\\s+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))
          && !w.matches("(I|He|She|They|We|It|The|A|An|His|Her|Their|This|That|These|Those|Its|Our)")) {
        return true;
      }
    }
    return false;
  }

  private static String clip(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 90 ? t.substring(0, 90) + "…" : t;
  }
}
