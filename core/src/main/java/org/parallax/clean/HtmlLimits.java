package org.parallax.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Keeps one HTML page's extraction cost bounded. Main-content extraction walks up from every block to its
 * ancestors and recurses down the tree, so its cost grows with size times depth, and a page 200,000 elements deep
 * overflows the stack. A page with too many tags is cut before parsing (jsoup closes what is left open); a page
 * too deep is read as plain text by an iterative walk. Everything here is linear in the page's size.
 */
final class HtmlLimits {
  private HtmlLimits() {}

  /** Where the HTML must be cut to hold at most {@code maxTags} start tags, or -1 when it holds no more. */
  static int cutForTags(String html, int maxTags) {
    int tags = 0;
    for (int i = 0, n = html.length() - 1; i < n; i++) {
      if (html.charAt(i) == '<' && Character.isLetter(html.charAt(i + 1)) && ++tags > maxTags) {
        return i;
      }
    }
    return -1;
  }

  /** The deepest element nesting under {@code root}, counted without recursion. */
  static int depth(Element root) {
    int[] max = {0};
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (depth > max[0]) {
        max[0] = depth;
      }
    }, root);
    return max[0];
  }

  /** The text of the page as lines, a line per block element, without recursion. */
  static List<String> plainLines(Element root) {
    List<String> out = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          buf.append(t.text());
        } else if (node instanceof Element e && breaks(e)) {
          flush(buf, out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && breaks(e)) {
          flush(buf, out);
        }
      }
    }, root);
    flush(buf, out);
    return out;
  }

  private static boolean breaks(Element e) {
    String tag = e.normalName();
    return e.isBlock() || tag.equals("br") || tag.equals("script") || tag.equals("style");
  }

  private static void flush(StringBuilder buf, List<String> out) {
    String s = buf.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    buf.setLength(0);
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
