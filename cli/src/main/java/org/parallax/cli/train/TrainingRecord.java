package org.parallax.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.parallax.cli.eval.PtcCorpus;
import org.parallax.cli.eval.SpanScores;
import org.parallax.framing.TaggerHead;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The metadata written beside a trained head: the command that made it, the sha256 of every data file it read
 * (file names relative to the data folder, never a machine's path), the split, the settings and the scores.
 */
final class TrainingRecord {
  private TrainingRecord() {}

  static ObjectNode of(CommandSpec spec, byte[] head, Path data, Path splitFile, List<PtcCorpus.Article> train,
                       List<PtcCorpus.Article> dev, List<PtcCorpus.Article> test, HeadTrainer.Settings s,
                       TaggerHead h, SpanScores devScores, SpanScores testScores, int words) throws IOException {
    ObjectNode m = new ObjectMapper().createObjectNode();
    m.put("command", "parallax" + arguments(spec.commandLine().getParseResult().originalArgs()));
    m.put("head_sha256", sha256(head));
    m.put("model", "all-MiniLM-L6-v2 quantized (LangChain4j jar), mean of word-piece last_hidden_state per word");
    m.put("split_file", "eval/ptc/split.tsv");
    m.put("split_sha256", sha256(Files.readAllBytes(splitFile)));
    ObjectNode splits = m.putObject("split");
    splits.put("train_articles", train.size());
    splits.put("dev_articles", dev.size());
    splits.put("test_articles", test.size());
    splits.put("train_words", words);
    ObjectNode files = m.putObject("data_sha256");
    for (List<PtcCorpus.Article> part : List.of(train, dev, test)) {
      for (PtcCorpus.Article a : part) {
        files.put("articles/" + a.file().getFileName(), sha256(Files.readAllBytes(a.file())));
        String lab = "labels-technique/article" + a.id() + ".task2-TC.labels";
        files.put(lab, sha256(Files.readAllBytes(data.resolve(lab))));
      }
    }
    ObjectNode hp = m.putObject("settings");
    hp.put("hidden", s.hidden());
    hp.put("epochs", s.epochs());
    hp.put("learning_rate", s.learningRate());
    hp.put("l2", s.l2());
    hp.put("positive_weight", s.positiveWeight());
    hp.put("batch", s.batch());
    hp.put("seed", s.seed());
    hp.put("threshold", h.threshold());
    hp.put("gap", h.gap());
    ObjectNode metrics = m.putObject("metrics");
    for (String part : List.of("dev", "test")) {
      SpanScores sc = part.equals("dev") ? devScores : testScores;
      ObjectNode x = metrics.putObject(part);
      x.put("overlap_f1", Math.round(sc.overlapF1() * 10000) / 10000.0);
      x.put("strict_f1", Math.round(sc.strictF1() * 10000) / 10000.0);
    }
    return m;
  }

  /** The arguments, less {@code --cache FILE}: a cache changes no result, and its path is one machine's. */
  private static String arguments(List<String> args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--cache")) {
        i++;
      } else if (!args.get(i).startsWith("--cache=")) {
        b.append(' ').append(args.get(i));
      }
    }
    return b.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
