package org.parallax.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.cli.ExitCodes;
import org.parallax.cli.eval.PtcCorpus;
import org.parallax.cli.eval.SpanScores;
import org.parallax.encode.EncodedWords;
import org.parallax.encode.MiniLmEncoder;
import org.parallax.framing.LoadedTagger;
import org.parallax.framing.TaggerHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parallax train loaded}: fits the loaded-language tagger's head on the train split of PTC, picks the span
 * decoding (threshold, gap) that maximises the sum of overlap and strict span F1 on dev, prints dev and test scores,
 * and writes the head with a metadata file beside it (command, data hashes, split, settings, scores).
 */
@Command(name = "loaded", mixinStandardHelpOptions = true,
    description = "Train the loaded-language tagger head on PTC's train split; write it as a core resource.")
public final class TrainLoadedCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data/ptc", description = "PTC folder (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--split-file", defaultValue = "eval/ptc/split.tsv", description = "Split (default: ${DEFAULT-VALUE})")
  Path splitFile;

  @Option(names = "--out", defaultValue = "core/src/main/resources/org/parallax/framing/loaded-tagger.bin",
      description = "Head file to write; metadata goes beside it as .json (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--cache", description = "File keeping the PTC token states between runs (outside the repo).")
  Path cache;

  @Option(names = "--dry-run", description = "Train and score, write nothing.")
  boolean dryRun;

  @Option(names = "--hidden", defaultValue = "48", description = "Hidden units, 0 for logistic regression.")
  int hidden;

  @Option(names = "--epochs", defaultValue = "5")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.001")
  double lr;

  @Option(names = "--l2", defaultValue = "0.0001")
  double l2;

  @Option(names = "--positive-weight", defaultValue = "3")
  double positiveWeight;

  @Option(names = "--batch", defaultValue = "32")
  int batch;

  @Option(names = "--seed", defaultValue = "15")
  long seed;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    List<PtcCorpus.Article> train = PtcCorpus.read(data, splitFile, "train");
    if (train == null || train.isEmpty() || !Files.exists(splitFile)) {
      spec.commandLine().getErr().println("train loaded: " + data + " lacks PTC articles/labels, or " + splitFile
          + " is missing");
      return ExitCodes.NOTHING_ANALYSED;
    }
    List<PtcCorpus.Article> dev = PtcCorpus.read(data, splitFile, "dev");
    List<PtcCorpus.Article> test = PtcCorpus.read(data, splitFile, "test");
    try (MiniLmEncoder encoder = new MiniLmEncoder()) {
      LoadedTagger features = new LoadedTagger(encoder, (TaggerHead) null);
      List<PtcCorpus.Article> all = new ArrayList<>(train);
      all.addAll(dev);
      all.addAll(test);
      long t0 = System.nanoTime();
      Map<String, List<EncodedWords>> words = StateCache.words(all, features, cache);
      o.printf(Locale.ROOT, "states of %d articles ready in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
      List<float[]> rows = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      TaggerData.rows(train, words, features, rows, labels);
      HeadTrainer.Settings settings = new HeadTrainer.Settings(hidden, epochs, lr, l2, positiveWeight, batch, seed);
      t0 = System.nanoTime();
      TaggerHead head = new HeadTrainer(settings).train(rows, labels.stream().mapToInt(Integer::intValue).toArray());
      o.printf(Locale.ROOT, "trained on %d words of %d articles in %.1f s%n", rows.size(), train.size(),
          (System.nanoTime() - t0) / 1e9);
      List<double[][][]> devP = TaggerData.probabilities(dev, words, features, head);
      double best = -1;
      for (int g = 0; g <= 4; g++) {
        for (int t = 20; t <= 95; t += 5) {
          SpanScores s = TaggerData.score(dev, words, devP, t / 100.0, g);
          if (s.overlapF1() + s.strictF1() > best) {
            best = s.overlapF1() + s.strictF1();
            head = head.withDecoding(t / 100.0, g);
          }
        }
      }
      SpanScores devScores = TaggerData.score(dev, words, devP, head.threshold(), head.gap());
      SpanScores testScores = TaggerData.score(test, words, TaggerData.probabilities(test, words, features, head),
          head.threshold(), head.gap());
      o.printf(Locale.ROOT, "decoding tuned on dev: threshold %.2f, gap %d%n", head.threshold(), head.gap());
      for (String[] x : new String[][] {{"dev", null}, {"test", null}}) {
        SpanScores s = x[0].equals("dev") ? devScores : testScores;
        o.println(s.overlapLine(x[0]));
        o.println(s.strictLine(x[0]));
      }
      if (!dryRun) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        head.write(bytes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, bytes.toByteArray());
        ObjectNode meta = TrainingRecord.of(spec, bytes.toByteArray(), data, splitFile, train, dev, test, settings,
            head, devScores, testScores, rows.size());
        Path json = out.resolveSibling(out.getFileName().toString().replaceAll("\\.bin$", "") + ".json");
        Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(meta) + "\n");
        o.println("wrote " + out + " (" + bytes.size() + " bytes) and " + json);
      }
    }
    o.flush();
    return ExitCodes.OK;
  }
}
