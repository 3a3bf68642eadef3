package org.parallax.model;

/**
 * A direct quotation. {@code speaker}, {@code role} and {@code side} are null when the text does not say;
 * {@code cue} names the pattern that attributed it (e.g. "X said", "pronoun", "continuation").
 */
public record Quote(String article, Span span, int sentence, String text, String speaker, String role, String side,
                    String cue) {}
