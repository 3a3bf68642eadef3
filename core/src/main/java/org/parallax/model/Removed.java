package org.parallax.model;

/** A piece of scraped text that cleaning took out of the body, with the reason, so nothing is lost silently. */
public record Removed(String text, String reason) implements java.io.Serializable {}
