/**
 * Incremental story clustering: TF-IDF vectors of words and names, hashed document frequencies, windowed by date;
 * the default grouping embeds the articles TF-IDF is unsure about (MiniLM, or our distilled encoder of headlines
 * and leads where one is trained).
 */
package org.parallax.stories;
