/**
 * Framing of one article: loaded and name-calling language — our lexicon and patterns, or a small tagger trained on
 * PTC over MiniLM token states ({@link org.parallax.framing.LoadedTagger}) — and the balance of voices.
 */
package org.parallax.framing;
