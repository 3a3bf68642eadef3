package org.parallax.model;

/**
 * A number stated in a sentence with the noun it counts ("70,000 troops" gives 70000, "troop"); {@code quoted} when
 * it stands inside a direct quotation (a speaker's figure, not the outlet's).
 */
public record Quantity(double value, String unit, String text, boolean quoted) {}
