/**
 * Across articles: sentence embeddings behind a lexical gate, claims paired by mutual best match and an agreement
 * score, claim groups with their independent sources (copies count once), omissions, and typed conflicts compared
 * slot by slot (quantity, fact, status, attribution) with a confidence.
 */
package org.parallax.align;
