/**
 * Incremental story clustering: TF-IDF vectors of words and names, hashed document frequencies, windowed by date;
 * the default grouping embeds the articles TF-IDF is unsure about (our distilled encoder of headlines and leads,
 * {@link org.parallax.stories.LeadEncoder}, or MiniLM).
 */
package org.parallax.stories;
