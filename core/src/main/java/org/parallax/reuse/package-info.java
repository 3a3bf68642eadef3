/** Text reuse between articles: verbatim shingles and reworded ("spun") sentence copies, with evidence. */
package org.parallax.reuse;
