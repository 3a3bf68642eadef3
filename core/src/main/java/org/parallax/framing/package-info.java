/** Framing of one article: loaded and name-calling language (lexicon and patterns) and the balance of voices. */
package org.parallax.framing;
