/** Across articles: sentence embeddings, claim groups (consensus/partial/unique), omissions and conflicts. */
package org.parallax.align;
