package org.parallax.model;

/** A sentence of one article offered as evidence. */
public record Evidence(String article, String sentence, int index) {
  public static Evidence of(Claim c) {
    return new Evidence(c.article(), c.text(), c.sentence());
  }
}
