/**
 * Text reuse between articles: within a report, verbatim shingles and reworded ("spun") sentence copies with
 * evidence; in corpus mode, MinHash/LSH copy detection with direction over a date window.
 */
package org.parallax.reuse;
