/** The pipeline: builds the stages once, runs per-article stages in parallel and corpus stages over the set. */
package org.parallax.pipeline;
