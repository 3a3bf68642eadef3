package org.parallax.model;

import java.util.List;

/**
 * One speaker identity across a story: the name every article's quotes by this person now carry, the variants the
 * articles wrote ("Trump", "Donald John Trump"), the role and side, and the evidence for the side: the role phrase
 * as an article states it and that article's id ({@code null} when no article states one; the side is then
 * "unknown" in voice shares).
 */
public record Speaker(String name, List<String> variants, String role, String side, String evidence,
                      String evidenceArticle, int quotes) {
  public Speaker {
    variants = List.copyOf(variants);
  }
}
