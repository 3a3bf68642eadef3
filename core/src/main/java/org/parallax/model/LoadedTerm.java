package org.parallax.model;

/** A loaded, emotive or name-calling expression in an article body. */
public record LoadedTerm(int start, int end, String text, String category) {}
