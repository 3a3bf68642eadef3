/**
 * The corpus pipeline on Apache Spark ({@code spark-submit parallax-spark.jar}): reading any Hadoop filesystem path,
 * per-article preparation (cleaning, language, features) on the executors, the order-dependent decisions
 * (duplicates, copies with direction, stories) in one pass on the driver with the very code of {@code ingest}, and
 * the cross-source report of every story on the executors. Owns only the distribution; every analysis is core's.
 */
package org.parallax.spark;
