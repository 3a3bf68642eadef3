package org.parallax.model;

/**
 * Who published an article, and how we know: the outlet's canonical name, the kind of evidence that named it and
 * that evidence as the reader can find it (a metadata field, a line of the page). An article that names no outlet
 * is {@link Basis#UNKNOWN}: its name is then only a label made from the file name. {@code original} is the outlet
 * the text credits as its original ("Translated from RBC.RU", "Originally published by …"), null when none.
 */
public record OutletIdentity(String name, Basis basis, String evidence, String original, String originalEvidence)
    implements java.io.Serializable {

  /** Kinds of evidence, strongest first: the order in which they are believed. */
  public enum Basis {
    METADATA("the input's metadata"),
    PAGE_METADATA("the page's metadata"),
    BYLINE("a staff byline"),
    MASTHEAD("the masthead"),
    FOOTER("the site's footer"),
    COPYRIGHT("a copyright line"),
    SOURCE_LINE("a \"Source:\" line"),
    URL_HOST("the URL's host"),
    UNKNOWN("nothing in the text: the label is the file name");

    private final String description;

    Basis(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public boolean known() {
    return basis != Basis.UNKNOWN;
  }

  /** An identity given by the container (a JSON record's field, a caller's argument). */
  public static OutletIdentity given(String name) {
    return new OutletIdentity(name, Basis.METADATA, name, null, null);
  }

  /** What a reader is shown: "news7g", "unknown (translated from RBC)". */
  public String display() {
    String shown = known() ? name : "unknown";
    return original == null ? shown : shown + " (original: " + original + ")";
  }
}
