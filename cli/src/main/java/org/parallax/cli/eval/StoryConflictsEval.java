package org.parallax.cli.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.align.MiniLmEmbedder;
import org.parallax.cli.ExitCodes;
import org.parallax.nlp.NlpModels;
import org.parallax.nlp.SentenceSplitter;
import org.parallax.outlets.StoryClaims;
import org.parallax.outlets.StoryConflicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The outlet profiles' conflicts ({@link StoryConflicts}) against our annotated three-outlet stories
 * (eval/triangulation), on the raw texts, as {@code eval conflicts} measures the story report's: a conflict is right
 * when its two sentences state both sides of one gold conflict, in two different articles; false alarms are the
 * conflicts found in stories whose gold has none. Each article counts as its own outlet.
 */
@Command(name = "story-conflicts", mixinStandardHelpOptions = true,
    description = "Outlet profiles' conflicts (the detector on the lexical pairs, the stricter subset) against our "
        + "annotated stories (eval/triangulation).")
public final class StoryConflictsEval implements Callable<Integer> {
  @Mixin
  TriangulationStories stories;

  @Option(names = "--show", description = "Print every conflict found and every gold conflict missed.")
  boolean show;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<TriangulationGold.Story> gold = this.stories.read(spec);
    if (gold == null) {
      return ExitCodes.NOTHING_ANALYSED;
    }
    NlpModels models = NlpModels.load();
    StoryClaims.Params p = StoryClaims.Params.defaults();
    StoryClaims claims = new StoryClaims(p, new SentenceSplitter(models));
    StoryConflicts conflicts = new StoryConflicts(models, p.link());
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    long right = 0;
    long wrong = 0;
    long goldCount = 0;
    long found = 0;
    long free = 0;
    long alarms = 0;
    long pairs = 0;
    for (TriangulationGold.Story s : gold) {
      StoryClaims.Result r = claims.analyse(TriangulationStories.inputs(s));
      pairs += r.pairs().size();
      List<StoryConflicts.Prepared> prepared = conflicts.prepare(r.pairs());
      List<StoryConflicts.Found> fs = conflicts.detect(prepared,
          StoryConflicts.embed(embedder, StoryConflicts.texts(prepared)));
      if (s.conflicts().isEmpty()) {
        free++;
        alarms += fs.size();
      }
      boolean[] hitGold = new boolean[s.conflicts().size()];
      for (StoryConflicts.Found f : fs) {
        List<TriangulationEval.Placed> placed = TriangulationStories.placed(s, List.of(f.a().cited(), f.b().cited()));
        boolean hit = false;
        for (int g = 0; g < s.conflicts().size(); g++) {
          if (TriangulationEval.articlesStating(placed, s.conflicts().get(g)).size() >= 2) {
            hit = true;
            hitGold[g] = true;
          }
        }
        if (hit) {
          right++;
        } else {
          wrong++;
        }
        if (show) {
          out.printf(Locale.ROOT, "%s (%s) %s %s %s: %s%n", hit ? "RIGHT" : "WRONG", s.id(), f.conflict().kind(),
              f.conflict().slot(), f.conflict().values(), f.conflict().reason());
          placed.forEach(x -> out.println("    [" + x.article() + "] " + x.text()));
        }
      }
      for (int g = 0; g < hitGold.length; g++) {
        goldCount++;
        if (hitGold[g]) {
          found++;
        } else if (show) {
          out.println("MISSED (" + s.id() + ") " + s.conflicts().get(g).kind());
          s.conflicts().get(g).spans().forEach(sp -> out.println("    " + TriangulationEval.spanText(s, sp)));
        }
      }
    }
    out.printf(Locale.ROOT, "%d annotated stories (%s split); %d sentence pairs compared%n", gold.size(),
        this.stories.split, pairs);
    out.printf(Locale.ROOT, "conflicts found: %d, right %d: precision %.3f%n", right + wrong, right,
        ratio(right, right + wrong));
    out.printf(Locale.ROOT, "gold conflicts: %d, found %d: recall %.3f%n", goldCount, found, ratio(found, goldCount));
    out.printf(Locale.ROOT, "conflict-free stories: %d, conflicts found in them: %d (%.2f per story)%n", free,
        alarms, ratio(alarms, free));
    return ExitCodes.OK;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : a / (double) b;
  }
}
