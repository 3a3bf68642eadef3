package org.parallax.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but keeps at most {@code maxChars} of each: a JSON
 * Lines file may hold a single line of gigabytes, which {@code readLine} would try to hold whole. The rest of an
 * over-long line is read past and counted, so the next line is found without holding it.
 */
final class BoundedLineReader implements AutoCloseable {
  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[8192]; // small reads, so a truncated gzip loses no decoded line
  private int pos;
  private int end;
  private long lastLength;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, cut to {@code maxChars}; null at the end of the input. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          lastLength = length;
          return any ? trimCr(line) : null;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      int room = (int) Math.max(0, Math.min(n, maxChars + 1L - line.length()));
      line.append(buf, start, room);
      length += n;
      if (pos < end) {
        pos++; // the newline
        lastLength = length;
        return trimCr(line);
      }
    }
  }

  /** Length of the last line read, before cutting (a line ending "\r\n" counts its "\r"). */
  long lastLength() {
    return lastLength;
  }

  /** Whether the last line read was longer than the limit (and so was cut). */
  boolean lastCut() {
    return lastLength > maxChars;
  }

  private String trimCr(StringBuilder line) {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    if (line.length() > maxChars) {
      line.setLength(maxChars);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
