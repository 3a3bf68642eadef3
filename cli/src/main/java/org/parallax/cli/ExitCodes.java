package org.parallax.cli;

/** What the process exit status means; README.md lists the same table. */
public final class ExitCodes {
  /** Every input was analysed. */
  public static final int OK = 0;
  /** The report was written, but some inputs were skipped or only partly analysed (see skipped[]). */
  public static final int SOME_SKIPPED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** No input could be analysed: nothing to report. */
  public static final int NOTHING_ANALYSED = 3;
  /** Parallax itself failed (a bug, or an output file could not be written). */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
