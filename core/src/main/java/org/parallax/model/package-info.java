/** Immutable records that flow through the pipeline: articles, sentences, quotes, claims and the report. */
package org.parallax.model;
