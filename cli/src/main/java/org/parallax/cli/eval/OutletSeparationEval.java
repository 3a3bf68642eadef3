package org.parallax.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.clean.OutletAliases;
import org.parallax.cli.ExitCodes;
import org.parallax.outlets.OutletLedger;
import org.parallax.outlets.OutletProfile;
import org.parallax.outlets.OutletProfiles;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How well each text-derived outlet figure separates the AllSides left/center/right labels: per figure, the AUC of
 * left against right (0.5: no separation; above: higher for right) and Spearman's rank correlation with the label
 * as left 0, center 1, right 2; and a combination (z-scores summed with the signs each figure's correlation has on
 * the other outlets: leave one outlet out, so no outlet's own label sets its score). A description of what the
 * figures carry, not a target: nothing in Parallax is tuned to it. Each outlet's label is the majority label of its
 * articles (sections of one outlet, e.g. news and opinion, are one outlet).
 */
@Command(name = "outlets", mixinStandardHelpOptions = true,
    description = "Outlet profiles against AllSides labels: AUC and rank correlation per figure and combined.")
public final class OutletSeparationEval implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "A store ingested from the AllSides file.")
  Path store;

  @Option(names = "--allsides", defaultValue = "../shared/data/allsides-articles.jsonl.gz",
      description = "AllSides articles, for each outlet's label (default: ${DEFAULT-VALUE})")
  Path allsides;

  @Option(names = "--min-articles", defaultValue = "20", description = "Outlets with fewer are left out "
      + "(default: ${DEFAULT-VALUE})")
  int minArticles;

  @Spec
  CommandSpec spec;

  static final List<String> FIGURES = List.of("loadedPer100Words", "originatedShare", "rewroteShare",
      "sharedCoverage", "uniqueShare", "omittedShare", "republicanShare", "partyQuotesPer1k");
  /** Quotations of stated-party speakers an outlet needs for its Republican share to be counted (else left out). */
  static final int MIN_PARTY_QUOTES = 20;
  /** Shared stories analysed that an outlet needs for its claim figures to be counted (else left out). */
  static final int MIN_CLAIM_STORIES = 5;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!Files.exists(allsides) || !OutletLedger.present(store)) {
      err.println("eval outlets: needs " + allsides + " and a store with outlet figures at " + store);
      return ExitCodes.NOTHING_ANALYSED;
    }
    Map<String, String> label = labels(allsides);
    OutletProfiles profiles;
    try (CorpusStore s = CorpusStore.openReadOnly(store)) {
      profiles = OutletProfiles.load(store, s.stories(null));
    }
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (Map.Entry<String, Integer> e : profiles.outlets(null, null, minArticles)) {
      String l = label.get(e.getKey());
      if (l == null) {
        continue;
      }
      OutletProfile p = profiles.profile(e.getKey(), null, null);
      double[] v = {p.loadedPer100Words(), share(p.originated(), p.articles()), share(p.rewrote(), p.articles()),
          p.sharedStories() == 0 ? Double.NaN : (double) p.sharedCovered() / p.sharedStories(),
          p.claims().stories() < MIN_CLAIM_STORIES ? Double.NaN : p.claims().uniqueShare(),
          p.claims().stories() < MIN_CLAIM_STORIES ? Double.NaN : p.claims().omittedShare(),
          p.voices().democratic() + p.voices().republican() < MIN_PARTY_QUOTES ? Double.NaN
              : p.voices().republicanShare(),
          share(p.voices().quotes() * 1000, p.articles())};
      names.add(e.getKey());
      values.add(v);
      y.add(l.equals("left") ? 0 : l.equals("center") ? 1 : 2);
    }
    long[] counts = new long[3];
    y.forEach(c -> counts[c]++);
    out.printf(Locale.ROOT, "outlets with >= %d articles and an AllSides label: %d (left %d, center %d, right %d)%n",
        minArticles, names.size(), counts[0], counts[1], counts[2]);
    out.printf(Locale.ROOT, "%-20s %10s %10s %8s%n", "figure", "AUC L/R", "Spearman", "outlets");
    for (int f = 0; f < FIGURES.size(); f++) {
      final int k = f;
      row(out, FIGURES.get(f), values.stream().map(v -> v[k]).toList(), y);
    }
    row(out, "combined (LOO)", combined(values, y), y);
    out.flush();
    return ExitCodes.OK;
  }

  private static void row(java.io.PrintWriter out, String name, List<Double> v, List<Integer> y) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!Double.isNaN(v.get(i))) {
        pts.add(new double[] {v.get(i), y.get(i)});
      }
    }
    out.printf(Locale.ROOT, "%-20s %10.3f %10.3f %8d%n", name, auc(pts), spearman(pts), pts.size());
  }

  /** Leave-one-outlet-out: each outlet's score is its z-scores summed with signs and scales from the others. */
  static List<Double> combined(List<double[]> values, List<Integer> y) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double score = 0;
      int used = 0;
      for (int f = 0; f < values.get(i).length; f++) {
        List<double[]> others = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
          if (j != i && !Double.isNaN(values.get(j)[f])) {
            others.add(new double[] {values.get(j)[f], y.get(j)});
          }
        }
        double x = values.get(i)[f];
        if (Double.isNaN(x) || others.size() < 3) {
          continue;
        }
        double mean = others.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double sd = Math.sqrt(others.stream().mapToDouble(p -> (p[0] - mean) * (p[0] - mean)).average().orElse(0));
        double sign = Math.signum(spearman(others));
        if (sd > 0) {
          score += sign * (x - mean) / sd;
          used++;
        }
      }
      out.add(used == 0 ? Double.NaN : score);
    }
    return out;
  }

  /** AUC of right (2) against left (0): the chance a right outlet scores above a left one, ties half. */
  static double auc(List<double[]> pts) {
    long pairs = 0;
    double wins = 0;
    for (double[] r : pts) {
      if (r[1] != 2) {
        continue;
      }
      for (double[] l : pts) {
        if (l[1] != 0) {
          continue;
        }
        pairs++;
        wins += r[0] > l[0] ? 1 : r[0] == l[0] ? 0.5 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  static double spearman(List<double[]> pts) {
    int n = pts.size();
    if (n < 3) {
      return Double.NaN;
    }
    double[] a = ranks(pts.stream().mapToDouble(p -> p[0]).toArray());
    double[] b = ranks(pts.stream().mapToDouble(p -> p[1]).toArray());
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double num = 0;
    double da = 0;
    double db = 0;
    for (int i = 0; i < n; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      da += (a[i] - ma) * (a[i] - ma);
      db += (b[i] - mb) * (b[i] - mb);
    }
    return da == 0 || db == 0 ? Double.NaN : num / Math.sqrt(da * db);
  }

  /** Ranks from 1, ties given their mean rank. */
  static double[] ranks(double[] v) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[idx[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  private static double share(int n, int of) {
    return of == 0 ? Double.NaN : (double) n / of;
  }

  /** Canonical outlet → its articles' majority AllSides label. */
  private static Map<String, String> labels(Path file) throws Exception {
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    ObjectMapper m = new ObjectMapper();
    try (var in = Files.newInputStream(file);
         var gz = file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in;
         BufferedReader r = new BufferedReader(new InputStreamReader(gz, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode n = m.readTree(line);
        String outlet = OutletAliases.defaults().canonical(n.path("outlet").asText(null));
        String bias = n.path("bias").asText(null);
        if (outlet != null && bias != null) {
          votes.computeIfAbsent(outlet, k -> new HashMap<>()).merge(bias, 1, Integer::sum);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    votes.forEach((o, v) -> out.put(o, v.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey()));
    return out;
  }
}
