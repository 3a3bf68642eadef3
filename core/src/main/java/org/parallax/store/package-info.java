/** The persistent corpus: a Lucene index of cleaned articles, their stories and copy relations; idempotent adds, search. */
package org.parallax.store;
