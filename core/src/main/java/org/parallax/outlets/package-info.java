/**
 * Outlet profiles: per outlet and month, what corpus mode found in its articles (volume, stories, loaded language,
 * copying in both directions), kept current on ingest, and read back as profiles with their evidence; and, from a
 * separate pass over the stories three or more outlets cover, the sentences only it states and the consensus
 * claims it omits (a lexical triangulation of each shared story).
 */
package org.parallax.outlets;
