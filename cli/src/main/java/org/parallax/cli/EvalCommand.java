package org.parallax.cli;

import org.parallax.cli.eval.ExtractionEval;
import org.parallax.cli.eval.LoadedLanguageEval;
import org.parallax.cli.eval.ClaimAlignmentEval;
import org.parallax.cli.eval.ConflictEval;
import org.parallax.cli.eval.CopyEval;
import org.parallax.cli.eval.SummaryEval;
import org.parallax.cli.eval.OutletSeparationEval;
import org.parallax.cli.eval.QuoteEval;
import org.parallax.cli.eval.StoryEval;
import picocli.CommandLine.Command;

/** {@code parallax eval ...}: measurements on the shared research datasets; each prints its figures. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure Parallax on the research datasets in ../shared/data (never bundled).",
    subcommands = {ExtractionEval.class, QuoteEval.class, LoadedLanguageEval.class, StoryEval.class,
        CopyEval.class, ClaimAlignmentEval.class, ConflictEval.class, SummaryEval.class,
        OutletSeparationEval.class, org.parallax.cli.eval.StoryClaimsEval.class,
        org.parallax.cli.eval.StoryConflictsEval.class})
public final class EvalCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
