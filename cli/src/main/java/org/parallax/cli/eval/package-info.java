/** Evaluations on the shared datasets (trafilatura extraction, PolNeAR quotes, PTC loaded language). */
package org.parallax.cli.eval;
