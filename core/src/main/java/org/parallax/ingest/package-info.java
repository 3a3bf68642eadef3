/**
 * Reading inputs: walking paths, detecting encodings and binary files, splitting JSON Lines, WARC records and
 * RSS/Atom entries into documents, and polling live feeds politely over HTTP.
 */
package org.parallax.ingest;
