package org.parallax.model;

/** A run of proper nouns (a person, place or body) found in a sentence. */
public record Mention(String text, Span span, int sentence) {}
