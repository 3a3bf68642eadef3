/** Incremental story clustering: TF-IDF vectors of words and names, hashed document frequencies, windowed by date. */
package org.parallax.stories;
