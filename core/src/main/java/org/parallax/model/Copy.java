package org.parallax.model;

/**
 * One article copying another, found in corpus mode. {@code source} is judged the original and {@code copy} the
 * later text; {@code basis} says how: "date" (earlier publication date), "containment" (same date or undated, and
 * the copy's text is mostly inside the source's) or "order" (nothing else told them apart: the one ingested first).
 * {@code kind} is duplicate, near-duplicate or spin (lexically reworded, same names and numbers in the same order);
 * {@code similarity} is the estimated Jaccard similarity of word 3-grams, {@code anchors} that of name/number pairs.
 */
public record Copy(String source, String copy, String kind, double similarity, double anchors, String basis) {}
