package org.parallax.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Every tunable of the pipeline. Defaults are the values measured in BENCHMARKS.md; a JSON file may override any
 * subset, and a misspelt key fails loudly instead of being ignored.
 *
 * @param maxFileBytes        larger inputs are skipped as too big for one article
 * @param maxJsonlFileBytes   limit for JSON Lines files, which hold many articles
 * @param claimSimilarity     cosine similarity from which two sentences of different articles may be each other's match
 * @param claimAgreement      agreement score (similarity plus shared words, word pairs and figures) from which a
 *                            match states the same claim
 * @param topicSimilarity     cosine similarity at which two sentences talk about the same thing (for conflicts)
 * @param reuseSentenceSimilarity cosine similarity at which a sentence counts as reworded from another article
 * @param consensusShare      share of articles that makes a claim consensus (more than this)
 * @param maxClaimsPerArticle claim sentences kept per article, in reading order (bounds embedding cost)
 * @param summarySentences    maximum sentences in the neutral summary
 * @param numberTolerance     relative difference below which two numbers for the same quantity agree
 * @param negationSimilarity  cosine similarity at which an affirmed and a negated sentence contradict each other
 * @param embedMinSharedWords a claim is embedded only if a sentence of another article shares this many content
 *                            words with it (0 embeds every claim)
 */
public record ParallaxConfig(
    long maxFileBytes,
    long maxJsonlFileBytes,
    double claimSimilarity,
    double claimAgreement,
    double topicSimilarity,
    double reuseSentenceSimilarity,
    double consensusShare,
    int maxClaimsPerArticle,
    int summarySentences,
    double numberTolerance,
    double negationSimilarity,
    int embedMinSharedWords) {

  public static ParallaxConfig defaults() {
    return new ParallaxConfig(10L << 20, 2L << 30, 0.45, 1.05, 0.45, 0.70, 0.5, 60, 6, 0.05, 0.80, 3);
  }

  /** Reads a JSON object whose keys are a subset of this record's components; the rest keep their defaults. */
  public static ParallaxConfig load(Path file) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    ParallaxConfig base = defaults();
    return mapper.readerForUpdating(new Builder(base)).<Builder>readValue(file.toFile()).build();
  }

  /** Mutable mirror used only to overlay a file on the defaults. */
  static final class Builder {
    public long maxFileBytes;
    public long maxJsonlFileBytes;
    public double claimSimilarity;
    public double claimAgreement;
    public double topicSimilarity;
    public double reuseSentenceSimilarity;
    public double consensusShare;
    public int maxClaimsPerArticle;
    public int summarySentences;
    public double numberTolerance;
    public double negationSimilarity;
    public int embedMinSharedWords;

    Builder(ParallaxConfig c) {
      maxFileBytes = c.maxFileBytes;
      maxJsonlFileBytes = c.maxJsonlFileBytes;
      claimSimilarity = c.claimSimilarity;
      claimAgreement = c.claimAgreement;
      topicSimilarity = c.topicSimilarity;
      reuseSentenceSimilarity = c.reuseSentenceSimilarity;
      consensusShare = c.consensusShare;
      maxClaimsPerArticle = c.maxClaimsPerArticle;
      summarySentences = c.summarySentences;
      numberTolerance = c.numberTolerance;
      negationSimilarity = c.negationSimilarity;
      embedMinSharedWords = c.embedMinSharedWords;
    }

    ParallaxConfig build() {
      return new ParallaxConfig(maxFileBytes, maxJsonlFileBytes, claimSimilarity, claimAgreement, topicSimilarity,
          reuseSentenceSimilarity, consensusShare, maxClaimsPerArticle, summarySentences,
          numberTolerance, negationSimilarity, embedMinSharedWords);
    }
  }
}
