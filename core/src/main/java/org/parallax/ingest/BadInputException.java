package org.parallax.ingest;

import org.parallax.ParallaxException;

/** An input that cannot be read as an article; the message is the reason shown to the user. */
public final class BadInputException extends ParallaxException {
  public BadInputException(String message) {
    super(message);
  }
}
