package org.parallax.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import org.parallax.model.Report;

/** Writes and reads the JSON report; field names are the records' component names (the documented contract). */
public final class JsonReport {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** One value per line, for JSON Lines outputs. */
  private static final ObjectMapper LINES = JsonMapper.builder().build();

  private JsonReport() {}

  /** {@code value} as one line of compact JSON. */
  public static String line(Object value) {
    try {
      return LINES.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line of a reports file ({@code export --reports}, the Spark job): {"story": ID, "report": {…}}. */
  public static String reportLine(String story, Report report) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("story", story);
    m.put("report", report);
    return line(m);
  }

  public static void write(Report report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, report);
  }

  public static String toJson(Report report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One story as {@code parallax stories --json} and the web API list it: id, label, from, to, outlets, articles. */
  public static java.util.Map<String, Object> storyRow(org.parallax.stories.StoryInfo i,
                                                       java.util.List<String> articles) {
    java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("id", i.id());
    r.put("label", i.label());
    r.put("from", i.from());
    r.put("to", i.to());
    r.put("outlets", i.outlets());
    r.put("articles", articles);
    return r;
  }
}
