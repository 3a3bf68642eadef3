package org.parallax;

/** The one unchecked root of Parallax's own failures; messages say which input and what was wrong. */
public class ParallaxException extends RuntimeException {
  public ParallaxException(String message) {
    super(message);
  }

  public ParallaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
