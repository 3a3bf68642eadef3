package org.parallax.model;

import java.util.List;

/** Per article: the claims only it reports, and the consensus claims it leaves out (by claim-group id). */
public record Coverage(String article, List<String> unique, List<String> omitted) {
  public Coverage {
    unique = List.copyOf(unique);
    omitted = List.copyOf(omitted);
  }
}
