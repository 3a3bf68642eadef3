package org.parallax.encode;

/**
 * The encoder's output for one text: one state per word piece ({@code [CLS]} and {@code [SEP]} included), the
 * character span of each piece in the text ({@code -1} for the special tokens), the word each piece belongs to (the
 * tokenizer's words: punctuation marks are words of their own; {@code -1} for the special tokens), and the sentence
 * embedding: the mean of all states, normalised to unit length.
 */
public record TokenStates(float[][] states, int[] starts, int[] ends, int[] words, float[] pooled) {
  public int size() {
    return states.length;
  }
}
