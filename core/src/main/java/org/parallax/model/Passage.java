package org.parallax.model;

/** A pair of sentences that two articles share, verbatim or reworded. */
public record Passage(String a, String b, double similarity) {}
