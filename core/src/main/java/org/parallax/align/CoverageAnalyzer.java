package org.parallax.align;

import java.util.ArrayList;
import java.util.List;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Coverage;

/** Per article: what only it reports, and which consensus claims it leaves out. */
public final class CoverageAnalyzer {
  public List<Coverage> coverage(List<String> articleIds, List<ClaimGroup> groups) {
    List<Coverage> out = new ArrayList<>();
    for (String id : articleIds) {
      List<String> unique = new ArrayList<>();
      List<String> omitted = new ArrayList<>();
      for (ClaimGroup g : groups) {
        if (g.status() == ClaimStatus.UNIQUE && g.articles().contains(id)) {
          unique.add(g.id());
        } else if (g.status() == ClaimStatus.CONSENSUS && !g.articles().contains(id)) {
          omitted.add(g.id());
        }
      }
      out.add(new Coverage(id, unique, omitted));
    }
    return out;
  }
}
