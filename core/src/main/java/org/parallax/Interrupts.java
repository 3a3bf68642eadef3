package org.parallax;

/**
 * Lets per-article loops notice that their article was abandoned (its time budget ran out and its thread was
 * interrupted), so the worker thread is freed instead of finishing work nobody will read. Checking costs one
 * volatile read; call it once per sentence, line or element, not per character.
 */
public final class Interrupts {
  private Interrupts() {}

  /** Throws {@link Abandoned} when the current thread has been interrupted, keeping the interrupt flag set. */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new Abandoned();
    }
  }

  /** Thrown out of a per-article stage whose thread was interrupted; the caller already knows why. */
  public static final class Abandoned extends ParallaxException {
    public Abandoned() {
      super("work abandoned: the thread was interrupted");
    }
  }
}
