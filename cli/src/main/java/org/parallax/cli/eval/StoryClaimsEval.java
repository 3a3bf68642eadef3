package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.cli.ExitCodes;
import org.parallax.nlp.NlpModels;
import org.parallax.nlp.SentenceSplitter;
import org.parallax.outlets.StoryClaims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The outlet profiles' lexical triangulation ({@link StoryClaims}) against our annotated three-outlet stories
 * (eval/triangulation), on the raw texts, whose offsets the gold uses. Consensus claims: right when every sentence
 * states one same gold claim. An omission (outlet X does not state a claim the two others state): right when the
 * claim is a gold claim whose spans lie in the two others only. A unique sentence: wrong when it covers half of a
 * gold shared claim's span in its article or half of it lies in one (the gold lists every claim two or more of the
 * three articles share, so any other sentence is stated by its article alone).
 */
@Command(name = "story-claims", mixinStandardHelpOptions = true,
    description = "Outlet profiles' lexical triangulation (consensus claims, omissions, unique sentences) against "
        + "our annotated stories (eval/triangulation).")
public final class StoryClaimsEval implements Callable<Integer> {
  @Mixin
  TriangulationStories stories;

  @Option(names = "--link", description = "Link score to measure instead of the default.")
  Double link;

  @Option(names = "--present", description = "Presence score to measure instead of the default.")
  Double present;

  @Option(names = "--show", description = "Print every wrong verdict with its sentences (for reading).")
  boolean show;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<TriangulationGold.Story> stories = this.stories.read(spec);
    if (stories == null) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    StoryClaims.Params d = StoryClaims.Params.defaults();
    StoryClaims.Params p = new StoryClaims.Params(link == null ? d.link() : link,
        present == null ? d.present() : present, d.minCommon(), d.minWords(), d.maxSentences(), d.maxArticles());
    StoryClaims claims = new StoryClaims(p, new SentenceSplitter(NlpModels.load()));
    long consensus = 0;
    long consensusRight = 0;
    long omitted = 0;
    long omittedRight = 0;
    long goldOmissions = 0;
    long goldOmissionsFound = 0;
    long unique = 0;
    long uniqueWrong = 0;
    long claimSentences = 0;
    for (TriangulationGold.Story s : stories) {
      StoryClaims.Result r = claims.analyse(TriangulationStories.inputs(s));
      for (StoryClaims.Consensus c : r.consensus()) {
        consensus++;
        if (TriangulationEval.coveringAll(TriangulationStories.placed(s, c.sentences()), s.claims()) != null) {
          consensusRight++;
        } else if (show) {
          out.println("WRONG consensus (" + s.id() + "):");
          c.sentences().forEach(x -> out.println("    [" + index(s, x.article()) + "] " + x.text()));
        }
      }
      List<boolean[]> foundGold = new ArrayList<>();
      s.claims().forEach(g -> foundGold.add(new boolean[1]));
      for (StoryClaims.OutletResult o : r.outlets()) {
        int k = index(s, o.articles().get(0));
        claimSentences += o.sentences();
        for (StoryClaims.Consensus c : o.omitted()) {
          omitted++;
          TriangulationGold.Item g = TriangulationEval.coveringAll(TriangulationStories.placed(s, c.sentences()),
              s.claims());
          if (g != null && !g.articles().contains(k)) {
            omittedRight++;
            foundGold.get(s.claims().indexOf(g))[0] = true;
          } else if (show) {
            out.println("WRONG omission by [" + k + "] (" + s.id() + "): "
                + (g == null ? "not a gold claim" : "the gold has it stated there too"));
            c.sentences().forEach(x -> out.println("    [" + index(s, x.article()) + "] " + x.text()));
          }
        }
        for (StoryClaims.Cited u : o.unique()) {
          unique++;
          if (inGoldClaim(s, k, u.start(), u.end())) {
            uniqueWrong++;
            if (show) {
              out.println("WRONG unique [" + k + "] (" + s.id() + "): " + u.text());
            }
          }
        }
      }
      for (int i = 0; i < s.claims().size(); i++) {
        if (s.claims().get(i).articles().size() == 2) {
          goldOmissions++;
          if (foundGold.get(i)[0]) {
            goldOmissionsFound++;
          }
        }
      }
    }
    out.printf(Locale.ROOT, "%d annotated stories (%s split); link %.2f, present %.2f%n", stories.size(),
        this.stories.split,
        p.link(), p.present());
    out.printf(Locale.ROOT, "consensus claims: %d, right %d: precision %.3f%n", consensus, consensusRight,
        ratio(consensusRight, consensus));
    out.printf(Locale.ROOT, "omissions: %d, right %d: precision %.3f; gold claims of two articles (the third "
        + "omits them): %d, found %d: recall %.3f%n", omitted, omittedRight, ratio(omittedRight, omitted),
        goldOmissions, goldOmissionsFound, ratio(goldOmissionsFound, goldOmissions));
    out.printf(Locale.ROOT, "unique sentences: %d of %d claim sentences, %d in a gold shared claim: precision "
        + "%.3f%n", unique, claimSentences, uniqueWrong, ratio(unique - uniqueWrong, unique));
    return ExitCodes.OK;
  }

  private static int index(TriangulationGold.Story s, String article) {
    return TriangulationEval.indexOf(s, article);
  }

  /** Whether a sentence of article k covers half of a gold claim's span there, or lies half in one. */
  private static boolean inGoldClaim(TriangulationGold.Story s, int k, int start, int end) {
    for (TriangulationGold.Item g : s.claims()) {
      for (TriangulationGold.GoldSpan sp : g.spans()) {
        int overlap = Math.min(sp.end(), end) - Math.max(sp.start(), start);
        if (sp.within(k, start, end) || sp.article() == k && overlap > 0 && overlap * 2 >= end - start) {
          return true;
        }
      }
    }
    return false;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : a / (double) b;
  }
}
