package org.parallax.server;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Renders the Pebble templates bundled under {@code parallax/web/templates}; HTML auto-escaping is always on. */
final class Pages {
  private final PebbleEngine engine;
  private final Map<String, Object> common;

  Pages(Map<String, Object> common) {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("parallax/web/templates");
    loader.setSuffix(".peb");
    this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
        .strictVariables(false).build();
    this.common = Map.copyOf(common);
  }

  String render(String template, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(common);
    all.putAll(model);
    StringWriter out = new StringWriter(32 * 1024);
    try {
      engine.getTemplate(template).evaluate(out, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
