package org.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.parallax.model.Sentence;
import org.parallax.model.Token;

/**
 * Splits a body into sentences (never across paragraphs; never after a title or state abbreviation such as "Rep." or
 * "Calif.", see {@link Abbreviations}), tokens and Universal Dependencies POS tags.
 * Not thread-safe: one instance per thread.
 */
public final class Annotator {
  private final SentenceSplitter sentences;
  private final TokenizerME tokenizer;
  private final POSTaggerME tagger;

  public Annotator(NlpModels models) {
    this.sentences = new SentenceSplitter(models);
    this.tokenizer = new TokenizerME(models.tokens);
    this.tagger = new POSTaggerME(models.pos, POSTagFormat.UD);
  }

  public List<Sentence> annotate(String body) {
    return annotate(body, Integer.MAX_VALUE, Integer.MAX_VALUE).sentences();
  }

  /**
   * The sentences of a body, bounded: at most {@code maxSentences} (reading order), and a detected sentence longer
   * than {@code maxSentenceChars} cut into pieces at spaces, since tokenising and tagging one cost more than linear
   * time in its length. Checks for interruption between sentences.
   *
   * @param sentences  the sentences kept
   * @param truncated  whether the body holds more sentences than were kept
   * @param longCut    how many over-long sentences were cut into pieces
   */
  public record Annotation(List<Sentence> sentences, boolean truncated, int longCut) {
    public Annotation {
      sentences = List.copyOf(sentences);
    }
  }

  public Annotation annotate(String body, int maxSentences, int maxSentenceChars) {
    List<Sentence> out = new ArrayList<>();
    int[] longCut = {0};
    boolean whole = sentences.walk(body, (from, to, paragraph) -> {
      if (to - from > maxSentenceChars) {
        longCut[0]++;
      }
      while (from < to) {
        org.parallax.Interrupts.check();
        if (out.size() >= maxSentences) {
          return false;
        }
        int cut = to - from > maxSentenceChars ? pieceEnd(body, from, from + maxSentenceChars) : to;
        addSentence(body, from, cut, paragraph, out);
        from = cut;
        while (from < to && Character.isWhitespace(body.charAt(from))) {
          from++;
        }
      }
      return true;
    });
    return new Annotation(out, !whole, longCut[0]);
  }

  /**
   * One sentence already split (its span {@code from}–{@code to} of {@code body}), tokenised and tagged as
   * {@link #annotate} would: for callers that tag a few sentences of a body, not all of it. Null without tokens.
   */
  public Sentence sentence(String body, int from, int to) {
    List<Sentence> out = new ArrayList<>(1);
    addSentence(body, from, to, 0, out);
    return out.isEmpty() ? null : out.get(0);
  }

  /** Where a piece of an over-long sentence ends: at the last space up to {@code limit}, else at it. */
  private static int pieceEnd(String body, int from, int limit) {
    for (int i = limit; i > from; i--) {
      if (Character.isWhitespace(body.charAt(i))) {
        return i;
      }
    }
    return limit;
  }

  private void addSentence(String body, int from, int to, int paragraph, List<Sentence> out) {
    String text = body.substring(from, to);
    // The English models were trained on straight quotes: give them those (same length, so offsets hold).
    String plain = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
    Span[] spans = tokenizer.tokenizePos(plain);
    if (spans.length == 0) {
      return;
    }
    String[] words = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      words[i] = spans[i].getCoveredText(plain).toString();
    }
    String[] tags = tagger.tag(words);
    List<Token> tokens = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      tokens.add(new Token(spans[i].getCoveredText(text).toString(), new org.parallax.model.Span(from + spans[i].getStart(),
          from + spans[i].getEnd()), tags[i]));
    }
    out.add(new Sentence(out.size(), paragraph, new org.parallax.model.Span(from, to), text, tokens));
  }
}
