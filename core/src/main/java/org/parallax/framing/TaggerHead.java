package org.parallax.framing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The trained part of the loaded-language tagger: per word, standardised features → one hidden ReLU layer (none
 * when {@code hidden} is 0: a logistic regression) → softmax over {@link #CLASSES}. {@code threshold} and {@code gap}
 * are the span decoding's settings, tuned with it on the dev split and shipped with the weights.
 */
public final class TaggerHead {
  /** Class order of the output: not loaded, loaded language, name calling / labeling. */
  public static final String[] CLASSES = {"none", "loaded", "name-calling"};
  private static final int MAGIC = 0x50584c54; // "PXLT"

  final float[] mean;
  final float[] scale;
  final float[][] w1; // hidden × in (absent without a hidden layer)
  final float[] b1;
  final float[][] w2; // classes × (hidden or in)
  final float[] b2;
  private final double threshold;
  private final int gap;

  public TaggerHead(float[] mean, float[] scale, float[][] w1, float[] b1, float[][] w2, float[] b2,
                    double threshold, int gap) {
    this.mean = mean;
    this.scale = scale;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.threshold = threshold;
    this.gap = gap;
  }

  public double threshold() {
    return threshold;
  }

  public int gap() {
    return gap;
  }

  public int inputs() {
    return mean.length;
  }

  public TaggerHead withDecoding(double newThreshold, int newGap) {
    return new TaggerHead(mean, scale, w1, b1, w2, b2, newThreshold, newGap);
  }

  /** Class probabilities of one word's raw features. */
  public double[] probabilities(float[] raw) {
    float[] x = new float[raw.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = (raw[k] - mean[k]) * scale[k];
    }
    float[] h = x;
    if (w1.length > 0) {
      h = new float[w1.length];
      for (int j = 0; j < h.length; j++) {
        h[j] = Math.max(0, b1[j] + dot(w1[j], x));
      }
    }
    double[] p = new double[w2.length];
    softmax(w2, b2, h, p);
    return p;
  }

  /** Class probabilities {@code p} of the output layer {@code w·x + b}; the trainer runs the same layer. */
  public static void softmax(float[][] w, float[] b, float[] x, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.length; c++) {
      p[c] = b[c] + dot(w[c], x);
      max = Math.max(max, p[c]);
    }
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp(p[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
  }

  static float dot(float[] a, float[] b) {
    float s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  public void write(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(mean.length);
    d.writeInt(w1.length);
    d.writeInt(w2.length);
    d.writeDouble(threshold);
    d.writeInt(gap);
    writeAll(d, mean);
    writeAll(d, scale);
    for (float[] r : w1) {
      writeAll(d, r);
    }
    writeAll(d, b1);
    for (float[] r : w2) {
      writeAll(d, r);
    }
    writeAll(d, b2);
    d.flush();
  }

  public static TaggerHead read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not a loaded-language tagger head");
    }
    int inputs = d.readInt();
    int hidden = d.readInt();
    int classes = d.readInt();
    double threshold = d.readDouble();
    int gap = d.readInt();
    float[] mean = readAll(d, inputs);
    float[] scale = readAll(d, inputs);
    float[][] w1 = new float[hidden][];
    for (int j = 0; j < hidden; j++) {
      w1[j] = readAll(d, inputs);
    }
    float[] b1 = readAll(d, hidden);
    float[][] w2 = new float[classes][];
    for (int c = 0; c < classes; c++) {
      w2[c] = readAll(d, hidden > 0 ? hidden : inputs);
    }
    float[] b2 = readAll(d, classes);
    return new TaggerHead(mean, scale, w1, b1, w2, b2, threshold, gap);
  }

  private static void writeAll(DataOutputStream d, float[] a) throws IOException {
    for (float x : a) {
      d.writeFloat(x);
    }
  }

  private static float[] readAll(DataInputStream d, int n) throws IOException {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = d.readFloat();
    }
    return a;
  }
}
