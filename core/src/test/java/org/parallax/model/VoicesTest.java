package org.parallax.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoicesTest {
  @Test
  void sidesComeLargestShareFirstThenByName() {
    Map<String, Double> shares = new HashMap<>();
    shares.put("unknown", 0.25);
    shares.put("Kremlin", 0.5);
    shares.put("White House", 0.125);
    shares.put("Asan Institute", 0.125);
    // The order a report is written in: fixed, whatever order the map came in.
    assertEquals(List.of("Kremlin", "unknown", "Asan Institute", "White House"),
        List.copyOf(new Voices(8, shares).bySide().keySet()));
  }
}
