package org.parallax.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.parallax.clean.ArticleCleaner;
import org.parallax.clean.HtmlExtractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.TextDecoder;
import org.parallax.model.Article;
import org.parallax.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Main-content extraction on trafilatura's evaluation set, scored with trafilatura's own segment rule: each "with"
 * snippet found in the output is a true positive (else a false negative), each "without" snippet found is a false
 * positive. Reads the .tar.xz in place.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
    description = "HTML main-content extraction: precision/recall/F on trafilatura's evaluation pages.")
public final class ExtractionEval implements Callable<Integer> {
  @Option(names = "--data", description = "trafilatura eval archive (default: ${DEFAULT-VALUE})",
      defaultValue = "../shared/data/extraction-trafilatura-eval.tar.xz")
  Path data;

  @Option(names = "--news-only", description = "Only pages whose file name looks like a news site.")
  boolean newsOnly;

  @Option(names = "--extractor-only", description = "Score the HTML extractor's lines before the text cleaner.")
  boolean extractorOnly;

  @Option(names = "--corpus-boilerplate", description = "Also remove corpus-level boilerplate learned over the pages "
      + "as ingest learns it (each site, by URL host, an outlet; pages in the gold file's order), and report what "
      + "it removed and which gold snippets it cost.")
  boolean corpusBoilerplate;

  @Option(names = "--misses", description = "Print up to this many missed and wrongly kept snippets.")
  int misses;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(data)) {
      spec.commandLine().getErr().println("eval extraction: " + data + " not found");
      return ExitCodes.NOTHING_ANALYSED;
    }
    Map<String, byte[]> pages = new HashMap<>();
    JsonNode gold = null;
    try (InputStream in = new TarArchiveInputStream(new XZCompressorInputStream(
        new BufferedInputStream(Files.newInputStream(data))))) {
      TarArchiveInputStream tar = (TarArchiveInputStream) in;
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName();
        if (name.endsWith("evaldata.json")) {
          gold = new ObjectMapper().readTree(tar.readAllBytes());
        } else if (name.contains("/eval/") && name.endsWith(".html")) {
          pages.put(name.substring(name.lastIndexOf('/') + 1), tar.readAllBytes());
        }
      }
    }
    if (gold == null) {
      spec.commandLine().getErr().println("eval extraction: no evaldata.json in " + data);
      return ExitCodes.NOTHING_ANALYSED;
    }
    ArticleCleaner cleaner = new ArticleCleaner();
    org.parallax.clean.Boilerplate boilerplate = org.parallax.clean.Boilerplate.defaults();
    int removedParagraphs = 0;
    int pagesWithRemoval = 0;
    int snippetsLost = 0;
    int keptNoiseRemoved = 0;
    List<String> removedSample = new java.util.ArrayList<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    int evaluated = 0;
    int missing = 0;
    long nanos = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      String file = item.getValue().get("file").asText();
      byte[] html = pages.get(file);
      if (html == null) {
        missing++;
        continue;
      }
      if (newsOnly && !looksLikeNews(file, item.getKey())) {
        continue;
      }
      evaluated++;
      long t0 = System.nanoTime();
      String text;
      try {
        String decoded = TextDecoder.decodeHtml(html).text();
        if (extractorOnly) {
          text = String.join("\n", new HtmlExtractor().extract(decoded, item.getKey()).lines());
        } else {
          Article a = cleaner.clean(new Document(file, file, Document.Format.HTML, decoded, null, null,
              item.getKey(), null, null));
          text = a.body();
          if (corpusBoilerplate) {
            String host = host(item.getKey());
            int site = org.parallax.corpus.ArticleFeatures.outletKey(host);
            var blocks = org.parallax.clean.TextBlocks.of(a.body());
            Article b = boilerplate.judge(a, site, blocks).cleaned();
            boilerplate.learn(site, evaluated, blocks); // each page its own story
            if (b != a) {
              pagesWithRemoval++;
              for (int r = a.removed().size(); r < b.removed().size(); r++) {
                removedParagraphs++;
                String gone = b.removed().get(r).text();
                if (removedSample.size() < 40) {
                  removedSample.add(host + " :: " + (gone.length() > 160 ? gone.substring(0, 160) + "…" : gone));
                }
              }
              for (JsonNode with : item.getValue().get("with")) {
                snippetsLost += text.contains(with.asText()) && !b.body().contains(with.asText()) ? 1 : 0;
              }
              for (JsonNode without : item.getValue().get("without")) {
                keptNoiseRemoved += text.contains(without.asText()) && !b.body().contains(without.asText()) ? 1 : 0;
              }
              text = b.body();
            }
          }
        }
      } catch (RuntimeException ex) {
        text = "";
      }
      nanos += System.nanoTime() - t0;
      for (JsonNode with : item.getValue().get("with")) {
        if (text.contains(with.asText())) {
          tp++;
        } else {
          fn++;
          if (misses-- > 0) {
            out.println("MISSED " + file + " :: " + with.asText());
          }
        }
      }
      for (JsonNode without : item.getValue().get("without")) {
        if (text.contains(without.asText())) {
          fp++;
          if (misses-- > 0) {
            out.println("KEPT   " + file + " @" + (100 * text.indexOf(without.asText()) / Math.max(1, text.length())) + "% :: " + without.asText());
          }
        }
      }
    }
    Scores s = new Scores(tp, fp, fn);
    out.println("trafilatura evaluation set: " + evaluated + " pages" + (newsOnly ? " (news sites only)" : "")
        + ", " + missing + " gold entries without a page");
    out.println(s.line("Parallax extraction"));
    out.printf("reference: trafilatura 2.2.0 F 0.924 (its docs/evaluation.rst)%n");
    if (corpusBoilerplate) {
      out.printf("corpus boilerplate: %d paragraphs removed on %d pages; gold article snippets lost: %d; "
          + "gold noise snippets removed: %d%n", removedParagraphs, pagesWithRemoval, snippetsLost, keptNoiseRemoved);
      removedSample.forEach(x -> out.println("  removed: " + x));
    }
    out.printf("time: %.1f ms/page%n", nanos / 1e6 / Math.max(1, evaluated));
    out.flush();
    return 0;
  }

  /** A rough split by URL vocabulary, stated as such in BENCHMARKS.md. */
  /** The site of a gold URL: its host, or the text before the first slash after the scheme. */
  static String host(String url) {
    String s = url.replaceFirst("^[a-zA-Z]+://", "");
    int slash = s.indexOf('/');
    return (slash < 0 ? s : s.substring(0, slash)).toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
  }

  static boolean looksLikeNews(String file, String url) {
    String s = (file + " " + url).toLowerCase(java.util.Locale.ROOT);
    return s.matches(".*(news|zeitung|times|post|guardian|bbc|cnn|reuters|spiegel|welt|faz|sueddeutsche|zeit\\.de"
        + "|tagesschau|heise|golem|nytimes|washington|telegraph|independent|dailymail|herald|tribune|journal"
        + "|gazette|chronicle|abendblatt|merkur|kurier|rundschau|nachrichten|bild\\.de|stern|focus|n-tv|orf|derstandard"
        + "|nzz|taz|wired|theverge|techcrunch|politico|npr|foxnews|abc|cbs|nbc|aljazeera|express|mirror|sun\\.co"
        + "|standard|huffpost|buzzfeed|vox|slate|atlantic|economist|bloomberg|forbes|wsj|ft\\.com|latimes|usatoday).*");
  }
}
