package org.parallax.outlets;

import java.io.IOException;
import java.io.InputStream;

/** The first {@code limit} bytes of a stream: the whole lines of a log a crash may have cut short. */
final class BoundedInput extends java.io.FilterInputStream {
  private long left;

  BoundedInput(InputStream in, long limit) {
    super(in);
    left = limit;
  }

  @Override
  public int read() throws IOException {
    if (left <= 0) {
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      left--;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (left <= 0) {
      return -1;
    }
    int n = super.read(b, off, (int) Math.min(len, left));
    if (n > 0) {
      left -= n;
    }
    return n;
  }
}
