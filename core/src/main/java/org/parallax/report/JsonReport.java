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

  private JsonReport() {}

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
}
