/** Corpus mode: a stream of documents cleaned, deduplicated, linked to the articles they copy, grouped into stories and stored. */
package org.parallax.corpus;
