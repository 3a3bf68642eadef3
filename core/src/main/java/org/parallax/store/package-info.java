/** The persistent corpus: a Lucene index of cleaned articles with idempotent adds and full-text search. */
package org.parallax.store;
