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
 * @param maxArticleChars     characters of clean text analysed per article; a longer article is analysed on its
 *                            first part (cut at a paragraph or sentence end), with a note in {@code skipped}
 * @param maxSentences        sentences analysed per article; the rest of a longer article is left out, with a note
 * @param maxSentenceChars    a "sentence" longer than this (a list or a text without full stops) is cut into pieces
 *                            at spaces before tagging, which costs more than linear time in its length
 * @param maxQuotesPerArticle quotations attributed per article, in reading order (attribution compares each quote
 *                            with the others, so cost grows with the square of their number)
 * @param maxHtmlDepth        an HTML page nested deeper than this is read as plain text, without main-content
 *                            extraction, whose tree walks cost depth times size
 * @param maxHtmlNodes        tags parsed per HTML page; a larger page is analysed on its first part
 * @param maxSentencePairs    sentence pairs compared across the articles of one report (cross-article stages)
 * @param articleTimeoutMillis time allowed for one article's per-article stages; an article over it is abandoned
 *                            with a note, and the rest of the run goes on. The limits above keep real articles far
 *                            below it: it is the last line of defence
 * @param loadedLanguage      how loaded language is found: {@code "lexicon"} (the word list and patterns; the default,
 *                            because read on real articles most of the tagger's terms are not loaded — BENCHMARKS.md)
 *                            or {@code "tagger"} (the trained MiniLM tagger, whose encoder pass also gives the
 *                            alignment's sentence embeddings)
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
    int embedMinSharedWords,
    int maxArticleChars,
    int maxSentences,
    int maxSentenceChars,
    int maxQuotesPerArticle,
    int maxHtmlDepth,
    int maxHtmlNodes,
    long maxSentencePairs,
    long articleTimeoutMillis,
    String loadedLanguage) {

  /** Limits must be positive: a zero limit would silently analyse nothing. */
  public ParallaxConfig {
    positive("maxFileBytes", maxFileBytes);
    positive("maxJsonlFileBytes", maxJsonlFileBytes);
    positive("maxClaimsPerArticle", maxClaimsPerArticle);
    positive("maxArticleChars", maxArticleChars);
    positive("maxSentences", maxSentences);
    positive("maxSentenceChars", maxSentenceChars);
    positive("maxQuotesPerArticle", maxQuotesPerArticle);
    positive("maxHtmlDepth", maxHtmlDepth);
    positive("maxHtmlNodes", maxHtmlNodes);
    positive("maxSentencePairs", maxSentencePairs);
    positive("articleTimeoutMillis", articleTimeoutMillis);
    if (!"tagger".equals(loadedLanguage) && !"lexicon".equals(loadedLanguage)) {
      throw new IllegalArgumentException("loadedLanguage must be \"tagger\" or \"lexicon\", not " + loadedLanguage);
    }
  }

  public static ParallaxConfig defaults() {
    // Work limits: a long-form feature runs to ~60,000 characters and ~500 sentences; news sentences rarely pass
    // 600 characters. Each limit is several times what real articles reach (BENCHMARKS.md, "Bounded work").
    return new ParallaxConfig(10L << 20, 2L << 30, 0.45, 1.05, 0.45, 0.70, 0.5, 60, 6, 0.05, 0.80, 3,
        200_000, 2_000, 2_000, 300, 512, 200_000, 2_000_000L, 20_000L, "lexicon");
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, not " + value);
    }
  }

  /** Reads a JSON object whose keys are a subset of this record's components; the rest keep their defaults. */
  public static ParallaxConfig load(Path file) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    ParallaxConfig base = defaults();
    Builder b = mapper.readerForUpdating(new Builder(base)).readValue(file.toFile());
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e); // a bad value in the file is the file's fault, like a bad key
    }
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
    public int maxArticleChars;
    public int maxSentences;
    public int maxSentenceChars;
    public int maxQuotesPerArticle;
    public int maxHtmlDepth;
    public int maxHtmlNodes;
    public long maxSentencePairs;
    public long articleTimeoutMillis;
    public String loadedLanguage;

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
      maxArticleChars = c.maxArticleChars;
      maxSentences = c.maxSentences;
      maxSentenceChars = c.maxSentenceChars;
      maxQuotesPerArticle = c.maxQuotesPerArticle;
      maxHtmlDepth = c.maxHtmlDepth;
      maxHtmlNodes = c.maxHtmlNodes;
      maxSentencePairs = c.maxSentencePairs;
      articleTimeoutMillis = c.articleTimeoutMillis;
      loadedLanguage = c.loadedLanguage;
    }

    ParallaxConfig build() {
      return new ParallaxConfig(maxFileBytes, maxJsonlFileBytes, claimSimilarity, claimAgreement, topicSimilarity,
          reuseSentenceSimilarity, consensusShare, maxClaimsPerArticle, summarySentences,
          numberTolerance, negationSimilarity, embedMinSharedWords, maxArticleChars, maxSentences, maxSentenceChars,
          maxQuotesPerArticle, maxHtmlDepth, maxHtmlNodes, maxSentencePairs, articleTimeoutMillis, loadedLanguage);
    }
  }
}
