package org.parallax.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.ArticleFeatures;
import org.parallax.model.Article;
import org.parallax.model.Copy;

class CopyDetectorTest {
  static final String ORIGINAL = """
      Dockworkers at the Port of Eastbridge walked off the job on Monday, halting cargo traffic at the country's \
      second-largest harbour. The Eastbridge Dockworkers Union said 1,200 members joined the strike after talks \
      with the Harbour Authority over pay and night shifts collapsed late on Sunday.
      Union leader Marta Okafor told reporters the workers had been offered a raise of 2 percent, far below \
      inflation. "We will stay out until the authority returns to the table," Okafor said outside the main gate.
      The Harbour Authority said the offer was fair and warned that perishable goods worth 40 million euros were \
      stuck on ships anchored offshore. Transport minister Lukas Brandt urged both sides to resume talks on \
      Wednesday and said the government would not intervene for now.
      Shipping companies began diverting vessels to the ports of Westhaven and Northmoor, where officials \
      reported queues of trucks and delays of up to three days for container pickups.""";

  static final String UNRELATED = """
      The city council of Westhaven approved a new budget on Thursday that raises spending on schools and public \
      transport. Mayor Ines Dalca said the plan would hire 300 teachers and extend tram lines to the northern \
      districts by 2027. Opposition councillors criticised the rising debt and voted against the proposal, which \
      passed by 31 votes to 24 after a debate that lasted most of the afternoon.""";

  private static Fingerprint fp(String body) {
    return fp(null, body);
  }

  private static Fingerprint fp(String outlet, String body) {
    return ArticleFeatures.of(new Article("x", null, outlet, null, null, null, null, "en", body, List.of()))
        .fingerprint();
  }

  private static CopyDetector detector() {
    return new CopyDetector(CopyDetector.Params.defaults(), (from, to) -> List.of());
  }

  /** Deletes, replaces or inserts a share of words at random: an edited copy. */
  static String edit(String text, double rate, long seed) {
    Random r = new Random(seed);
    String[] vocab = UNRELATED.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (String w : text.split(" ")) {
      double x = r.nextDouble();
      if (x < rate / 3) {
        continue;
      } else if (x < 2 * rate / 3) {
        out.append(vocab[r.nextInt(vocab.length)]).append(' ');
      } else if (x < rate) {
        out.append(w).append(' ').append(vocab[r.nextInt(vocab.length)]).append(' ');
      } else {
        out.append(w).append(' ');
      }
    }
    return out.toString().strip();
  }

  /** Swaps a share of lower-case content words for other words, keeping names and numbers: a reworded copy. */
  static String spin(String text, double rate, long seed) {
    Random r = new Random(seed);
    String[] replacements = {"labourers", "harbor", "halted", "significant", "stated", "officers", "products",
        "vessels", "discussions", "employees", "chief", "provided", "increase", "beneath", "cost", "dispatched"};
    StringBuilder out = new StringBuilder();
    for (String w : text.split(" ")) {
      boolean content = w.length() > 3 && Character.isLowerCase(w.charAt(0)) && w.chars().allMatch(Character::isLetter);
      out.append(content && r.nextDouble() < rate ? replacements[r.nextInt(replacements.length)] : w).append(' ');
    }
    return out.toString().strip();
  }

  @Test
  void minHashEstimatesJaccardSimilarity() {
    long[] a = new long[1000];
    long[] b = new long[1000];
    for (int i = 0; i < 1000; i++) {
      a[i] = i;
      b[i] = i < 500 ? i : 10_000 + i; // 500 shared of 1,500: Jaccard 1/3
    }
    double est = MinHash.similarity(MinHash.signature(a, 1000, 128), MinHash.signature(b, 1000, 128));
    assertEquals(1 / 3.0, est, 0.12);
    assertEquals(1.0, MinHash.similarity(MinHash.signature(a, 1000, 128), MinHash.signature(a, 1000, 128)));
    assertEquals(0.0, MinHash.similarity(MinHash.signature(a, 0, 128), MinHash.signature(a, 0, 128)));
  }

  @Test
  void findsARepublicationAndTakesTheEarlierDateAsTheSource() {
    CopyDetector d = detector();
    // the copy is ingested first but dated a day later
    assertTrue(d.add(new CopyDetector.Entry("copy", 20_001, 1, fp(edit(ORIGINAL, 0.1, 3)))).isEmpty());
    assertTrue(d.add(new CopyDetector.Entry("other", 20_000, 2, fp(UNRELATED))).isEmpty());
    List<Copy> found = d.add(new CopyDetector.Entry("original", 20_000, 3, fp(ORIGINAL)));
    assertEquals(1, found.size(), found.toString());
    Copy c = found.get(0);
    assertEquals("original", c.source());
    assertEquals("copy", c.copy());
    assertEquals("republication", c.kind());
    assertEquals("date", c.basis());
  }

  @Test
  void onTheSameDayTheTextThatContainsTheOtherIsTheSource() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("trimmed", 20_000, 1, fp(ORIGINAL)));
    List<Copy> found = d.add(new CopyDetector.Entry("full", 20_000, 2, fp(ORIGINAL + "\n" + UNRELATED)));
    assertEquals(1, found.size());
    assertEquals("full", found.get(0).source());
    assertEquals("completeness", found.get(0).basis());
  }

  @Test
  void theSameOutletsLongerVersionIsAnUpdateOfTheShorterOne() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("first", 20_000, 1, fp("Harbour Ledger", ORIGINAL)));
    List<Copy> found = d.add(new CopyDetector.Entry("later", 20_000, 2,
        fp("Harbour Ledger", ORIGINAL + "\n" + UNRELATED)));
    assertEquals(1, found.size(), found.toString());
    assertEquals("update", found.get(0).kind());
    assertEquals("first", found.get(0).source(), "the fuller text is the later version");
    assertEquals("completeness", found.get(0).basis());
  }

  @Test
  void anOutletsDesksAreOneOutlet() {
    assertEquals(ArticleFeatures.outletKey("Fox News"), ArticleFeatures.outletKey("Fox Online News"));
    assertEquals(ArticleFeatures.outletKey("Fox News"), ArticleFeatures.outletKey("Fox News (Online)"));
    assertEquals(ArticleFeatures.outletKey("CNN"), ArticleFeatures.outletKey("CNN (Web News)"));
    assertTrue(ArticleFeatures.outletKey("Fox News") != ArticleFeatures.outletKey("BBC News"));
    assertEquals(0, ArticleFeatures.outletKey(" "));
    // the alias list, which outlet identity uses, applies here too: a host listed for an outlet is that outlet
    assertEquals(ArticleFeatures.outletKey("Fox News"), ArticleFeatures.outletKey("foxnews.com"));
  }

  @Test
  void anArticleWhoseOutletNoClueNamesHasNoOutletKey() {
    Article unknown = new Article("a1", null, "unknown (a1)", null, "T", null, null, null, "Body.", List.of(),
        new org.parallax.model.OutletIdentity("a1", org.parallax.model.OutletIdentity.Basis.UNKNOWN, null, null,
            null));
    Article named = new Article("a2", null, "Reuters", null, "T", null, null, null, "Body.", List.of(), null);
    assertEquals(0, ArticleFeatures.outletKey(unknown));
    assertEquals(ArticleFeatures.outletKey("Reuters"), ArticleFeatures.outletKey(named));
  }

  @Test
  void onTheSameDayAnAgencysTextIsTheOriginalOfWhatAnotherOutletCarries() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("paper", 20_000, 1, fp("Harbour Ledger", edit(ORIGINAL, 0.05, 2))));
    List<Copy> found = d.add(new CopyDetector.Entry("agency", 20_000, 2, fp("Reuters", ORIGINAL)));
    assertEquals("agency", found.get(0).source());
    assertEquals("wire", found.get(0).basis());
  }

  @Test
  void anAgencyDatedADayAfterTheOutletCarryingItIsStillTheOriginal() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("paper", 20_000, 1, fp("Harbour Ledger", edit(ORIGINAL, 0.05, 2))));
    List<Copy> found = d.add(new CopyDetector.Entry("agency", 20_001, 2, fp("Associated Press", ORIGINAL)));
    assertEquals("agency", found.get(0).source());
    assertEquals("wire", found.get(0).basis());
    CopyDetector e = detector();
    e.add(new CopyDetector.Entry("paper", 20_000, 1, fp("Harbour Ledger", edit(ORIGINAL, 0.05, 2))));
    assertEquals("date", e.add(new CopyDetector.Entry("agency", 20_003, 2, fp("Associated Press", ORIGINAL)))
        .get(0).basis(), "days apart, the dates decide");
  }

  @Test
  void aCreditLineMakesTheCrediterTheCopy() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("credits", 20_000, 1,
        fp("Harbour Ledger", ORIGINAL + "\nThe Associated Press contributed to this report.")));
    List<Copy> found = d.add(new CopyDetector.Entry("other", 20_000, 2, fp("Daily Quay", ORIGINAL)));
    assertEquals("other", found.get(0).source());
    assertEquals("credit", found.get(0).basis());
  }

  @Test
  void whenNothingTellsTheDirectionIsUnknown() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("one", 20_000, 1, fp("Harbour Ledger", ORIGINAL)));
    List<Copy> found = d.add(new CopyDetector.Entry("two", 20_000, 2, fp("Daily Quay", spin(ORIGINAL, 0.3, 8))));
    assertEquals(1, found.size(), found.toString());
    assertEquals("rewrite", found.get(0).kind());
    assertEquals("unknown", found.get(0).basis());
    assertTrue(!found.get(0).directed());
  }

  @Test
  void aSharedBlockOfPhrasesIsNotACopy() {
    CopyDetector d = detector();
    String caption = "Photos: The harbour in pictures. Cranes stand idle at the container terminal of the port. ";
    d.add(new CopyDetector.Entry("one", 20_000, 1, fp("Harbour Ledger", ORIGINAL + "\n" + caption)));
    assertTrue(d.add(new CopyDetector.Entry("two", 20_000, 2, fp("Harbour Ledger", UNRELATED + "\n" + caption)))
        .isEmpty());
  }

  @Test
  void findsARewriteThatKeepsNamesAndNumbers() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("wire", 20_000, 1, fp(ORIGINAL)));
    List<Copy> found = d.add(new CopyDetector.Entry("spun", 20_001, 2, fp(spin(ORIGINAL, 0.5, 5))));
    assertEquals(1, found.size(), found.toString());
    assertEquals("rewrite", found.get(0).kind());
    assertEquals("wire", found.get(0).source());
  }

  @Test
  void independentReportsOfOneEventAreNotCopies() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("wire", 20_000, 1, fp(ORIGINAL)));
    String other = """
        Cargo piled up in Eastbridge on Monday as port workers struck over wages. Ships waited offshore while \
        managers of the Harbour Authority insisted their proposal was generous. Marta Okafor, who leads the \
        union, promised that pickets would continue. Lukas Brandt, the transport minister, called for calm and \
        for negotiations to restart this week. Some carriers sent their boats to Westhaven instead.""";
    assertTrue(d.add(new CopyDetector.Entry("independent", 20_000, 2, fp(other))).isEmpty());
  }

  @Test
  void articlesOutsideTheWindowAreNotCompared() {
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("old", 20_000, 1, fp(ORIGINAL)));
    assertTrue(d.add(new CopyDetector.Entry("much later", 20_100, 2, fp(ORIGINAL))).isEmpty());
  }

  @Test
  void loadsEarlierArticlesFromTheStoreWhenTheirDaysAreFirstNeeded() {
    List<long[]> asked = new ArrayList<>();
    CopyDetector d = new CopyDetector(CopyDetector.Params.defaults(), (from, to) -> {
      asked.add(new long[] {from, to});
      return from <= 20_000 && 20_000 <= to ? List.of(new CopyDetector.Entry("stored", 20_000, 0, fp(ORIGINAL)))
          : List.of();
    });
    List<Copy> found = d.add(new CopyDetector.Entry("new", 20_002, 5, fp(edit(ORIGINAL, 0.05, 9))));
    assertEquals("stored", found.get(0).source());
    d.add(new CopyDetector.Entry("again", 20_002, 6, fp(UNRELATED)));
    assertEquals(1, asked.size(), "days already held are not asked for again");
  }

  @Test
  void undatedArticlesAreComparedWithTheLastUndatedOnesOnlyAndReadFromTheStoreOnce() {
    long undated = Long.MIN_VALUE;
    int[] asked = {0};
    CopyDetector.Params p = CopyDetector.Params.defaults();
    CopyDetector d = new CopyDetector(new CopyDetector.Params(p.windowDays(), p.duplicate(), p.gate(),
        p.containment(), p.gateAnchors(), p.gateWords(), p.copyShare(), p.spread(), p.verbatimShare(),
        p.republicationVerbatim(), p.rewriteVerbatim(), p.minSentences(),
        p.capacity(), 1), (from, to) -> {
          asked[0]++;
          return List.of();
        });
    d.add(new CopyDetector.Entry("wire", undated, 1, fp(ORIGINAL)));
    assertEquals("wire", d.add(new CopyDetector.Entry("copy", undated, 2, fp(edit(ORIGINAL, 0.05, 4)))).get(0)
        .source(), "the last undated article is held");
    d.add(new CopyDetector.Entry("other", undated, 3, fp(UNRELATED)));
    assertTrue(d.add(new CopyDetector.Entry("late copy", undated, 4, fp(edit(ORIGINAL, 0.05, 5)))).isEmpty(),
        "beyond undatedCapacity the older undated articles are out of reach");
    assertEquals(1, d.held(), "held: the last undated article only");
    assertEquals(1, asked[0], "the store is asked for undated articles once");
  }

  static final String MORE = """
      By Tuesday morning the queue of ships outside Eastbridge had grown to fourteen vessels, port officials said.       Farmers who export fruit through the harbour warned that their produce would rot within days. The       chamber of commerce estimated the daily cost of the stoppage at 9 million euros. Okafor said the union       had received messages of support from dockworkers in three other countries. A spokesman for the Harbour       Authority declined to say whether replacement workers would be hired. Police reported no incidents at the       picket lines on either night.""";

  @Test
  void anUpdateThatPutsANewTopOverTheEarlierVersionIsTheLaterOne() {
    String top = "Talks between the striking dockworkers and the Harbour Authority resumed on Wednesday evening "
        + "after a mediator was appointed by the courts. Both sides agreed not to speak to the press until Friday.\n";
    CopyDetector d = detector();
    // the earlier version has a tail the later one dropped: which holds the other does not tell
    d.add(new CopyDetector.Entry("earlier", 20_000, 2, fp("Harbour Ledger", ORIGINAL + "\n" + MORE + "\n" + UNRELATED)));
    List<Copy> found = d.add(new CopyDetector.Entry("later", 20_000, 1, fp("Harbour Ledger", top + ORIGINAL + "\n"
        + MORE)));
    assertEquals(1, found.size(), found.toString());
    assertEquals("update", found.get(0).kind());
    assertEquals("earlier", found.get(0).source(), "the version whose lead the other keeps under a new top");
    assertEquals("new top", found.get(0).basis());
  }

  @Test
  void aPageThatPrintsTheOthersHeadlineAsARelatedStoryWasWrittenAfterIt() {
    String headline = "Eastbridge dockworkers strike over pay, halting cargo";
    Article first = new Article("first", null, "Harbour Ledger", null, headline, "2024-05-06", null, "en",
        ORIGINAL, List.of());
    Article second = new Article("second", null, "Daily Quay", null, "Minister urges talks as port strike drags on",
        "2024-05-06", null, "en", ORIGINAL + "\n" + UNRELATED, List.of(new org.parallax.model.Removed(
            headline.toUpperCase(java.util.Locale.ROOT), org.parallax.clean.TextCleaner.RELATED_HEADLINE)));
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("second", 20_000, 1, ArticleFeatures.of(second).fingerprint()));
    List<Copy> found = d.add(new CopyDetector.Entry("first", 20_000, 2, ArticleFeatures.of(first).fingerprint()));
    assertEquals(1, found.size(), found.toString());
    // without the headline, the fuller text ("second") would be taken for the original
    assertEquals("first", found.get(0).source());
    assertEquals("headline", found.get(0).basis());
    Fingerprint stored = Fingerprint.fromBytes(ArticleFeatures.of(second).fingerprint().toBytes());
    assertEquals(String.valueOf(ArticleFeatures.of(second).fingerprint().related()), String.valueOf(stored.related()),
        "the related headlines survive the store");
  }

  @Test
  void anOutletsLongTextReorderedButWordForWordIsItsUpdateAndAnotherOutletsIsNoCopy() {
    // 25 sentences, then the same sentences from last to first: nothing is in order, everything word for word
    String body = ORIGINAL + "\n" + MORE + "\n" + UNRELATED + "\n" + edit(UNRELATED, 0.3, 11) + "\n"
        + edit(MORE, 0.3, 12);
    String[] s = body.split("(?<=[.!?])\\s+");
    StringBuilder reversed = new StringBuilder();
    for (int i = s.length - 1; i >= 0; i--) {
      reversed.append(s[i]).append(i % 3 == 0 ? "\n" : " ");
    }
    CopyDetector d = detector();
    d.add(new CopyDetector.Entry("a", 20_000, 1, fp("Harbour Ledger", body)));
    List<Copy> own = d.add(new CopyDetector.Entry("b", 20_000, 2, fp("Harbour Ledger", reversed.toString())));
    assertEquals(1, own.size(), own.toString());
    assertEquals("update", own.get(0).kind());
    CopyDetector e = detector();
    e.add(new CopyDetector.Entry("a", 20_000, 1, fp("Harbour Ledger", body)));
    assertTrue(e.add(new CopyDetector.Entry("b", 20_000, 2, fp("Daily Quay", reversed.toString()))).isEmpty(),
        "another outlet's text in another order is not the same sequence");
  }
}
