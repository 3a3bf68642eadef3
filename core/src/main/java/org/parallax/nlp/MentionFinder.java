package org.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.model.Mention;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;

/**
 * Name mentions as maximal runs of proper-noun tokens ("Dmitry Peskov", "White House"). OpenNLP ships no English
 * NER model, so this POS heuristic stands in for one; titles such as "Mr." are not part of the name.
 */
public final class MentionFinder {
  private static final Set<String> TITLES = Set.of("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sen.",
      "Rep.", "Gov.", "Gen.", "Prof.", "President", "Minister", "Secretary");

  public List<Mention> find(List<Sentence> sentences) {
    List<Mention> out = new ArrayList<>();
    for (Sentence s : sentences) {
      List<Token> run = new ArrayList<>();
      for (Token t : s.tokens()) {
        if (isNamePart(t)) {
          run.add(t);
        } else {
          emit(run, s, out);
          run.clear();
        }
      }
      emit(run, s, out);
    }
    return out;
  }

  private static boolean isNamePart(Token t) {
    return t.isProperNoun() && Character.isUpperCase(t.text().charAt(0));
  }

  private static void emit(List<Token> run, Sentence s, List<Mention> out) {
    int from = 0;
    while (from < run.size() && TITLES.contains(run.get(from).text())) {
      from++;
    }
    if (from >= run.size()) {
      return;
    }
    Span span = new Span(run.get(from).span().start(), run.get(run.size() - 1).span().end());
    String text = s.text().substring(span.start() - s.span().start(), span.end() - s.span().start());
    out.add(new Mention(text, span, s.index()));
  }
}
