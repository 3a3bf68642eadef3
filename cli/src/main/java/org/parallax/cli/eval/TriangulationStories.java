package org.parallax.cli.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parallax.outlets.StoryClaims;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that pick our annotated three-outlet stories (eval/triangulation) and the AllSides texts they point
 * into, shared by every eval that scores against them ({@code claims}, {@code conflicts}, {@code story-claims},
 * {@code story-conflicts}).
 */
final class TriangulationStories {
  @Option(names = "--gold", defaultValue = "eval/triangulation/gold.jsonl",
      description = "Annotated stories (default: ${DEFAULT-VALUE})")
  Path gold;

  @Option(names = "--allsides", defaultValue = "../shared/data/allsides-articles.jsonl.gz",
      description = "AllSides JSONL.gz with the stories' texts (default: ${DEFAULT-VALUE})")
  Path allsides;

  @Option(names = "--split", defaultValue = "test", description = "dev, test or all (default: ${DEFAULT-VALUE})")
  String split;

  /** The stories of the chosen split; null, with a message on {@code spec}'s error stream, when a file is missing. */
  List<TriangulationGold.Story> read(CommandSpec spec) throws IOException {
    if (!Files.isRegularFile(gold) || !Files.isRegularFile(allsides)) {
      spec.commandLine().getErr().println("eval: " + gold + " or " + allsides + " not found");
      return null;
    }
    return TriangulationGold.read(gold, allsides, split);
  }

  /** A story's articles as the outlet profiles' passes take them: one outlet per article (the gold's are three). */
  static List<StoryClaims.Input> inputs(TriangulationGold.Story s) {
    List<StoryClaims.Input> in = new ArrayList<>();
    for (int k = 0; k < s.articles().size(); k++) {
      in.add(new StoryClaims.Input(s.articles().get(k).id(), "outlet " + k, s.texts().get(k)));
    }
    return in;
  }

  /** Sentences the passes cite, placed in the story's articles for scoring against the gold. */
  static List<TriangulationEval.Placed> placed(TriangulationGold.Story s, List<StoryClaims.Cited> cited) {
    List<TriangulationEval.Placed> out = new ArrayList<>();
    for (StoryClaims.Cited c : cited) {
      out.add(new TriangulationEval.Placed(TriangulationEval.indexOf(s, c.article()), new int[] {c.start(), c.end()},
          c.text()));
    }
    return out;
  }
}
