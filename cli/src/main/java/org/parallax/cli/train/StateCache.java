package org.parallax.cli.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.cli.eval.PtcCorpus;
import org.parallax.encode.EncodedWords;
import org.parallax.framing.LoadedTagger;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.NlpModels;

/**
 * The MiniLM word states of PTC articles, sentence by sentence (OpenNLP sentences, as the pipeline splits them).
 * Encoding is the slow part of training and evaluation, so states can be kept in a file outside the repository
 * ({@code --cache}) and read back by article id: the same states as a fresh encoding gives, since the model and the
 * splitter are fixed by the build.
 */
public final class StateCache {
  private static final int MAGIC = 0x50585331;

  private StateCache() {}

  /** Words of every article, by id; from {@code cache} when it holds them, else encoded (and the cache written). */
  public static Map<String, List<EncodedWords>> words(List<PtcCorpus.Article> articles, LoadedTagger tagger, Path cache)
      throws IOException {
    Map<String, List<EncodedWords>> out = cache != null && Files.exists(cache) ? read(cache) : new HashMap<>();
    boolean added = false;
    Annotator annotator = null;
    for (PtcCorpus.Article a : articles) {
      if (out.containsKey(a.id())) {
        continue;
      }
      if (annotator == null) {
        annotator = new Annotator(NlpModels.load());
      }
      List<Span> spans = annotator.annotate(a.text()).stream().map(Sentence::span).toList();
      out.put(a.id(), tagger.encode(a.text(), spans, null));
      added = true;
    }
    if (cache != null && added) {
      write(cache, out);
    }
    return out;
  }

  private static Map<String, List<EncodedWords>> read(Path file) throws IOException {
    Map<String, List<EncodedWords>> out = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a state cache");
      }
      int articles = in.readInt();
      for (int a = 0; a < articles; a++) {
        String id = in.readUTF();
        int sentences = in.readInt();
        List<EncodedWords> list = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
          int n = in.readInt();
          int d = in.readInt();
          int[] starts = new int[n];
          int[] ends = new int[n];
          float[][] states = new float[n][d];
          for (int i = 0; i < n; i++) {
            starts[i] = in.readInt();
            ends[i] = in.readInt();
            for (int k = 0; k < d; k++) {
              states[i][k] = in.readFloat();
            }
          }
          list.add(new EncodedWords(starts, ends, states));
        }
        out.put(id, list);
      }
    }
    return out;
  }

  private static void write(Path file, Map<String, List<EncodedWords>> words) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      out.writeInt(MAGIC);
      out.writeInt(words.size());
      for (Map.Entry<String, List<EncodedWords>> e : words.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (EncodedWords w : e.getValue()) {
          int d = w.size() == 0 ? 0 : w.states()[0].length;
          out.writeInt(w.size());
          out.writeInt(d);
          for (int i = 0; i < w.size(); i++) {
            out.writeInt(w.starts()[i]);
            out.writeInt(w.ends()[i]);
            for (int k = 0; k < d; k++) {
              out.writeFloat(w.states()[i][k]);
            }
          }
        }
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
