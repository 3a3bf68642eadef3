package org.parallax.align;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parallax.model.Claim;

/** The embedding of every claim, computed once per distinct sentence text (spun and copied texts repeat). */
public final class ClaimVectors {
  private final Map<String, float[]> byText = new HashMap<>();

  public ClaimVectors(List<Claim> claims, Embedder embedder) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (Claim c : claims) {
      distinct.add(c.text());
    }
    List<String> texts = List.copyOf(distinct);
    float[][] v = embedder.embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      byText.put(texts.get(i), v[i]);
    }
  }

  public float[] of(Claim c) {
    return byText.get(c.text());
  }

  public double similarity(Claim a, Claim b) {
    return a.text().equals(b.text()) ? 1.0 : Embedder.cosine(of(a), of(b));
  }

  public int size() {
    return byText.size();
  }
}
