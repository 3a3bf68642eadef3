package org.parallax.spark;

import java.io.Serializable;
import org.parallax.ingest.Document;
import org.parallax.model.Skipped;

/**
 * One thing read from the input, in input order: a document, or a report of what could not be read.
 *
 * @param key file index × 2^40 + position in the file: sorting by it is reading the inputs in order
 */
record Item(long key, Document doc, Skipped skipped) implements Serializable {
  static final int FILE_SHIFT = 40;

  static long key(long file, long position) {
    return (file << FILE_SHIFT) + position;
  }
}
