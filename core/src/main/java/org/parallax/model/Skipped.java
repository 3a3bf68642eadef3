package org.parallax.model;

/** An input (file, JSON line or article) that was not analysed, or only partly, and why. */
public record Skipped(String path, String reason) implements java.io.Serializable {}
