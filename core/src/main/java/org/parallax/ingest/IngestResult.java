package org.parallax.ingest;

import java.util.List;
import org.parallax.model.Skipped;

/** Documents read from the inputs, in a stable order, and the inputs that could not be read. */
public record IngestResult(List<Document> documents, List<Skipped> skipped) {
  public IngestResult {
    documents = List.copyOf(documents);
    skipped = List.copyOf(skipped);
  }
}
