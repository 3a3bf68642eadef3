/**
 * Outlet profiles: per outlet and month, what corpus mode found in its articles (volume, stories, loaded language,
 * copying in both directions), kept current on ingest, and read back as profiles with their evidence.
 */
package org.parallax.outlets;
