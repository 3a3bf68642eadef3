package org.parallax.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.outlets.OutletLedger;
import org.parallax.outlets.OutletProfile;
import org.parallax.outlets.OutletProfiles;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parallax outlets --store DIR [--json] [--from --to] [--outlet NAME]}: every outlet's profile. */
@Command(name = "outlets", mixinStandardHelpOptions = true,
    description = "Profile every outlet of the corpus store from its own articles, per month, with the evidence.")
public final class OutletsCommand implements Callable<Integer> {
  @Option(names = "--store", defaultValue = "parallax-data", description = "Store folder (default: ${DEFAULT-VALUE})")
  Path store;

  @Option(names = "--json", description = "Print the profiles as JSON (every figure with its evidence).")
  boolean json;

  @Option(names = "--from", paramLabel = "MONTH", description = "First month (yyyy-MM or an ISO date).")
  String from;

  @Option(names = "--to", paramLabel = "MONTH", description = "Last month (yyyy-MM or an ISO date).")
  String to;

  @Option(names = "--outlet", paramLabel = "NAME", description = "Only this outlet (any of its aliases).")
  String outlet;

  @Option(names = "--min-articles", defaultValue = "1",
      description = "Leave out outlets with fewer articles in the period (default: ${DEFAULT-VALUE})")
  int minArticles;

  @Option(names = "--update-claims", description = "First bring the unique and omitted claims up to date: analyse "
      + "every shared story (3+ outlets) whose articles changed since it was last analysed (ingest does this "
      + "at its end; for a store ingested with it off).")
  boolean updateClaims;

  @Option(names = "--no-story-conflicts", hidden = true, description = "With --update-claims: do not look for "
      + "conflicts between outlets (for measuring what they cost).")
  boolean noStoryConflicts;

  @Spec
  CommandSpec spec;

  /** What the pass's conflict search did, for its one-line summary. */
  static String conflictCounts(org.parallax.outlets.StoryClaimsPass.Counts pc, boolean off) {
    // Not "embedded": `ingest --fast` says it embeds nothing for its grouping, and tests read that line.
    return off ? "; conflicts not looked for" : String.format(Locale.ROOT, "; %d sentence pairs compared for "
        + "conflicts, %d of them also by MiniLM similarity, %d conflicts shown", pc.pairs(), pc.embedded(),
        pc.conflicts());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    String fromMonth;
    String toMonth;
    try {
      fromMonth = month(from, "--from");
      toMonth = month(to, "--to");
    } catch (IllegalArgumentException e) {
      err.println("outlets: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(store)) {
      err.println("outlets: no store at " + store + " (run 'parallax ingest' first)");
      return ExitCodes.NOTHING_ANALYSED;
    }
    if (!OutletLedger.present(store)) {
      err.println("outlets: " + store + " holds no outlet figures (" + OutletLedger.LOG + "): it was ingested "
          + "before they were kept; ingest its inputs into a new store");
      return ExitCodes.NOTHING_ANALYSED;
    }
    OutletProfiles profiles;
    try (CorpusStore s = CorpusStore.openReadOnly(store)) {
      if (updateClaims) {
        org.parallax.outlets.StoryClaimsPass.Counts pc = org.parallax.outlets.StoryClaimsPass.run(s,
            org.parallax.nlp.NlpModels.load(), org.parallax.outlets.StoryClaims.Params.defaults(),
            noStoryConflicts ? null : org.parallax.align.MiniLmEmbedder::new);
        err.printf(Locale.ROOT, "outlet claims: %d shared stories (3+ outlets), %d analysed now (%d articles%s) in "
            + "%.1f s%n", pc.shared(), pc.analysed(), pc.articles(), conflictCounts(pc, noStoryConflicts),
            pc.seconds());
      }
      profiles = OutletProfiles.load(store, s.stories(null));
    }
    List<OutletProfile> rows = new ArrayList<>();
    if (outlet != null) {
      OutletProfile p = profiles.profile(outlet, fromMonth, toMonth);
      if (p == null) {
        err.println("outlets: no outlet '" + outlet + "' in " + store);
        return ExitCodes.NOTHING_ANALYSED;
      }
      rows.add(p);
    } else {
      for (Map.Entry<String, Integer> e : profiles.outlets(fromMonth, toMonth, Math.max(1, minArticles))) {
        rows.add(profiles.profile(e.getKey(), fromMonth, toMonth));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      out.printf(Locale.ROOT, "%-28s %8s %7s %8s %9s %9s %10s %13s %11s %12s %9s  %s%n", "outlet", "articles",
          "stories", "loaded%", "originate", "rewrite", "shared cov", "only it", "omits", "voices R/D", "conflicts",
          "top loaded terms");
      for (OutletProfile p : rows) {
        OutletProfile.Claims cl = p.claims();
        OutletProfile.Voices vo = p.voices();
        out.printf(Locale.ROOT, "%-28s %8d %7d %8s %9d %9d %10s %13s %11s %12s %9s  %s%n", clip(p.outlet(), 28),
            p.articles(),
            p.stories(), num(p.loadedPer100Words()), p.originated(), p.rewrote(),
            p.sharedStories() == 0 ? "-" : p.sharedCovered() + "/" + p.sharedStories(),
            cl.stories() == 0 ? "-" : cl.unique() + "/" + cl.sentences(),
            cl.stories() == 0 ? "-" : cl.omitted() + "/" + cl.consensus(),
            vo.quotes() == 0 ? "-" : vo.republican() + "/" + vo.democratic(),
            cl.conflictStories() == 0 ? "-" : cl.conflicts() + "/" + cl.conflictStories(),
            clip(String.join(", ", p.topTerms().stream().limit(5).map(t -> t.term() + " " + t.count()).toList()),
                60));
      }
      out.println(rows.size() + " outlets; loaded% = loaded terms per 100 words; originate/rewrite = articles "
          + "copied by / copying another outlet; shared cov = stories of 3+ outlets covered, in its months; only it "
          + "= its sentences in those stories no other outlet states; omits = their consensus claims it omits; voices "
          + "R/D = quotations of speakers the article states are Republican / Democratic; conflicts = shown conflicts "
          + "of its sentences with another outlet's / shared stories compared for them");
      if (outlet != null) {
        OutletProfile p = rows.get(0);
        out.println("articles: " + String.join(" ", p.articleIds()));
        out.println("originated (source>copy): " + String.join(" ", p.originatedPairs()));
        out.println("rewrote (source>copy): " + String.join(" ", p.rewrotePairs()));
        p.mainSources().forEach(s -> out.println("rewrites " + s.outlet() + ": " + s.count()));
        p.missed().forEach(m -> out.println("left out: " + m.story() + " " + m.from() + " (" + m.outlets()
            + " outlets) " + m.label()));
        printTopics(out, p.topics());
        p.claims().uniqueClaims().forEach(u -> out.println("only it states: " + u.ref() + " (story " + u.story()
            + ") " + u.text()));
        p.claims().omittedClaims().forEach(o -> out.println("omits: story " + o.story() + " (its " + String.join(" ",
            o.ownArticles()) + "; stated by " + String.join(", ", o.statedBy()) + ": " + String.join(" ", o.refs())
            + ") " + o.text()));
        p.claims().conflictClaims().forEach(c -> out.println("conflict (" + c.kind() + ", " + c.slot() + ", "
            + String.join(" vs ", c.values()) + ", confidence " + c.confidence() + "): story " + c.story() + ", its "
            + c.ref() + " against " + c.otherOutlet() + "'s " + c.otherRef()));
        OutletProfile.Voices vo = p.voices();
        out.println("party voices: " + vo.republican() + " Republican, " + vo.democratic() + " Democratic, "
            + vo.independent() + " independent quotations; " + vo.republicanVoices() + " Republican and "
            + vo.democraticVoices() + " Democratic speakers");
        vo.evidence().forEach(v -> out.println("voice " + v.party() + " " + v.name() + ": " + v.ref()));
        p.leftOut().forEach(l -> out.println("not in the profile: " + l));
      }
    }
    out.flush();
    return rows.isEmpty() ? ExitCodes.NOTHING_ANALYSED : ExitCodes.OK;
  }

  /** The shared stories left out by topic, with the first left out of each. */
  private static void printTopics(PrintWriter out, OutletProfile.Topics t) {
    if (!t.known()) {
      out.println("left out by topic: unknown (the input gave no topics)");
      return;
    }
    out.printf(Locale.ROOT, "left out by topic (left out / shared stories of the topic in its months; %d shared "
        + "stories have no topic):%n", t.withoutTopic());
    for (OutletProfile.TopicGap g : t.rows()) {
      out.printf(Locale.ROOT, "  %-24s %5d / %-5d %s%n", clip(g.topic(), 24), g.leftOut(), g.shared(),
          String.join(" ", g.examples().stream().map(OutletProfile.MissedStory::story).toList()));
    }
  }

  /** "2021-12" of "2021-12" or "2021-12-07"; null for null; anything else is a usage error. */
  static String month(String value, String option) {
    if (value == null) {
      return null;
    }
    if (!value.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
      throw new IllegalArgumentException(option + " wants a month (yyyy-MM) or an ISO date, not '" + value + "'");
    }
    return value.substring(0, 7);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
