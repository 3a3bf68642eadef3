package org.parallax.pipeline;

/**
 * Where one {@code analyze} call stands, for a progress display: the library reports, the caller decides whether
 * and how to show it.
 *
 * @param inputsRead   documents read and inputs skipped while reading, so far
 * @param bytesRead    bytes of input files read so far
 * @param totalBytes   bytes of all input files (0 when unknown)
 * @param reading      whether inputs are still being read
 * @param articles     articles to analyse (known once reading is done)
 * @param analysed     articles whose per-article stages are done (analysed, skipped or abandoned)
 * @param elapsedNanos time since the call began
 */
public record AnalysisProgress(long inputsRead, long bytesRead, long totalBytes, boolean reading, int articles,
                               int analysed, long elapsedNanos) {
  /** Receives progress; called on the analysing thread after each input read and each article done. */
  @FunctionalInterface
  public interface Listener {
    void progress(AnalysisProgress p);

    Listener NONE = p -> { };
  }
}
