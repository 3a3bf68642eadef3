package org.parallax.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How widely a claim is reported across the analysed outlets. */
public enum ClaimStatus {
  CONSENSUS, PARTIAL, UNIQUE;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
