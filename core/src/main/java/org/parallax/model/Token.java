package org.parallax.model;

/** A token with its part-of-speech tag (Universal Dependencies tag set) and its span in the body. */
public record Token(String text, Span span, String pos) {
  public boolean isProperNoun() {
    return "PROPN".equals(pos);
  }

  public boolean isVerb() {
    return "VERB".equals(pos) || "AUX".equals(pos);
  }
}
