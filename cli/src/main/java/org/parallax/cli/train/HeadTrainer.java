package org.parallax.cli.train;

import java.util.List;
import java.util.Random;
import org.parallax.framing.TaggerHead;

/**
 * Fits a {@link TaggerHead} by mini-batch Adam on weighted cross-entropy, single-threaded and seeded, so the same
 * data and settings give the same weights. Loaded words are few (about one in twenty), so their classes weigh
 * {@code positiveWeight} times as much as "none".
 */
final class HeadTrainer {
  /** Settings; hidden 0 trains a logistic regression. */
  record Settings(int hidden, int epochs, double learningRate, double l2, double positiveWeight, int batch,
                  long seed) {}

  private final Settings s;

  HeadTrainer(Settings settings) {
    this.s = settings;
  }

  TaggerHead train(List<float[]> rows, int[] labels) {
    int d = rows.get(0).length;
    int classes = TaggerHead.CLASSES.length;
    float[] mean = new float[d];
    float[] scale = new float[d];
    standardisation(rows, mean, scale);
    Random rnd = new Random(s.seed());
    int h = s.hidden();
    int width = h > 0 ? h : d;
    float[][] w1 = new float[h][d];
    float[] b1 = new float[h];
    float[][] w2 = new float[classes][width];
    float[] b2 = new float[classes];
    init(w1, rnd, Math.sqrt(2.0 / d));
    init(w2, rnd, Math.sqrt(1.0 / width));
    Adam a1 = new Adam(h * d + h);
    Adam a2 = new Adam(classes * width + classes);
    float[] g1 = new float[h * d + h];
    float[] g2 = new float[classes * width + classes];
    int n = rows.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    float[] x = new float[d];
    float[] z = new float[h];
    float[] hid = new float[width];
    double[] p = new double[classes];
    float[] dh = new float[width];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, rnd);
      for (int b0 = 0; b0 < n; b0 += s.batch()) {
        java.util.Arrays.fill(g1, 0);
        java.util.Arrays.fill(g2, 0);
        int b1n = Math.min(n, b0 + s.batch());
        for (int bi = b0; bi < b1n; bi++) {
          float[] raw = rows.get(order[bi]);
          for (int k = 0; k < d; k++) {
            x[k] = (raw[k] - mean[k]) * scale[k];
          }
          if (h > 0) {
            for (int j = 0; j < h; j++) {
              z[j] = b1[j] + dot(w1[j], x);
              hid[j] = Math.max(0, z[j]);
            }
          } else {
            System.arraycopy(x, 0, hid, 0, d);
          }
          TaggerHead.softmax(w2, b2, hid, p);
          int y = labels[order[bi]];
          double weight = y == 0 ? 1 : s.positiveWeight();
          java.util.Arrays.fill(dh, 0);
          for (int c = 0; c < classes; c++) {
            float dz = (float) (weight * (p[c] - (c == y ? 1 : 0)));
            int off = c * width;
            for (int j = 0; j < width; j++) {
              g2[off + j] += dz * hid[j];
              dh[j] += dz * w2[c][j];
            }
            g2[classes * width + c] += dz;
          }
          for (int j = 0; j < h; j++) {
            if (z[j] <= 0) {
              continue;
            }
            float dzj = dh[j];
            int off = j * d;
            for (int k = 0; k < d; k++) {
              g1[off + k] += dzj * x[k];
            }
            g1[h * d + j] += dzj;
          }
        }
        float inv = 1f / (b1n - b0);
        a1.step(g1, inv, (i, v) -> {
          if (i < h * d) {
            w1[i / d][i % d] -= v + s.learningRate() * s.l2() * w1[i / d][i % d];
          } else {
            b1[i - h * d] -= v;
          }
        }, s.learningRate());
        a2.step(g2, inv, (i, v) -> {
          if (i < classes * width) {
            w2[i / width][i % width] -= v + s.learningRate() * s.l2() * w2[i / width][i % width];
          } else {
            b2[i - classes * width] -= v;
          }
        }, s.learningRate());
      }
    }
    return new TaggerHead(mean, scale, w1, b1, w2, b2, 0.5, 0);
  }

  private static void standardisation(List<float[]> rows, float[] mean, float[] scale) {
    int d = mean.length;
    double[] sum = new double[d];
    double[] sq = new double[d];
    for (float[] r : rows) {
      for (int k = 0; k < d; k++) {
        sum[k] += r[k];
        sq[k] += (double) r[k] * r[k];
      }
    }
    for (int k = 0; k < d; k++) {
      double m = sum[k] / rows.size();
      double var = sq[k] / rows.size() - m * m;
      mean[k] = (float) m;
      scale[k] = (float) (var > 1e-12 ? 1 / Math.sqrt(var) : 1);
    }
  }

  private static void init(float[][] w, Random rnd, double sd) {
    for (float[] r : w) {
      for (int k = 0; k < r.length; k++) {
        r[k] = (float) (rnd.nextGaussian() * sd);
      }
    }
  }

  private static void shuffle(int[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static float dot(float[] a, float[] b) {
    float r = 0;
    for (int k = 0; k < a.length; k++) {
      r += a[k] * b[k];
    }
    return r;
  }

  /** Adam's moment estimates for one block of parameters; {@code apply} subtracts the step from parameter i. */
  private static final class Adam {
    private final float[] m;
    private final float[] v;
    private int t;

    Adam(int size) {
      m = new float[size];
      v = new float[size];
    }

    interface Apply {
      void to(int index, float step);
    }

    void step(float[] grad, float scaleBy, Apply apply, double lr) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < grad.length; i++) {
        float g = grad[i] * scaleBy;
        m[i] = 0.9f * m[i] + 0.1f * g;
        v[i] = 0.999f * v[i] + 0.001f * g * g;
        apply.to(i, (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8)));
      }
    }
  }
}
