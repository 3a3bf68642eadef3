package org.parallax.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.model.ClaimGroup;
import org.parallax.model.Reuse;

/**
 * Which articles are independent sources: those linked by a copy relation (duplicate, update, republication or rewrite) (a wire story and
 * its spun copy) count once. The article a copy is counted under is its source when the dates tell, else the one
 * listed first.
 */
public final class Independence {
  private final List<Reuse> links;

  public Independence(List<Reuse> reuse) {
    this.links = reuse.stream().filter(Reuse::isCopy).toList();
  }

  /** No reuse known: every article is its own source. */
  public static Independence none() {
    return new Independence(List.of());
  }

  /** The copies among {@code ids}, each with the article it is counted under (sources first). */
  public List<ClaimGroup.CopyNote> copies(List<String> ids) {
    Map<String, String> root = new HashMap<>();
    ids.forEach(id -> root.put(id, id));
    List<ClaimGroup.CopyNote> out = new ArrayList<>();
    for (Reuse u : links) {
      if (!root.containsKey(u.a()) || !root.containsKey(u.b())) {
        continue;
      }
      String from = u.source() != null ? u.source() : ids.indexOf(u.a()) <= ids.indexOf(u.b()) ? u.a() : u.b();
      String copy = from.equals(u.a()) ? u.b() : u.a();
      String ra = find(root, from);
      String rb = find(root, copy);
      if (!ra.equals(rb)) {
        root.put(rb, ra);
        out.add(new ClaimGroup.CopyNote(copy, from, u.kind(), u.source() != null));
      }
    }
    return out;
  }

  /**
   * Articles whose wording may be a rewrite of another's (a spun copy garbles its source): the copy of a rewrite
   * pair whose dates tell the direction, both articles of one whose dates do not. Verbatim copies are not included.
   */
  public Set<String> reworded() {
    Set<String> out = new LinkedHashSet<>();
    for (Reuse u : links) {
      if (u.kind().equals("rewrite")) {
        if (u.source() == null || !u.source().equals(u.a())) {
          out.add(u.a());
        }
        if (u.source() == null || !u.source().equals(u.b())) {
          out.add(u.b());
        }
      }
    }
    return out;
  }

  /** How many independent sources the articles {@code ids} are. */
  public int count(List<String> ids) {
    return ids.size() - copies(ids).size();
  }

  /** The articles as independent sources: one representative of each copy family. */
  public Set<String> sources(List<String> ids) {
    Set<String> out = new LinkedHashSet<>(ids);
    copies(ids).forEach(c -> out.remove(c.article()));
    return out;
  }

  private static String find(Map<String, String> root, String id) {
    while (!root.get(id).equals(id)) {
      id = root.get(id);
    }
    return id;
  }
}
