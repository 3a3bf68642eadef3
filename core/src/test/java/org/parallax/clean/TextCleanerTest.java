package org.parallax.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parallax.model.Removed;

class TextCleanerTest {
  private final TextCleaner cleaner = new TextCleaner();

  private static String reason(Cleaned c, String textPart) {
    return c.removed().stream().filter(r -> r.text().contains(textPart)).map(Removed::reason).findFirst()
        .orElse("(kept)");
  }

  @Test
  void aListOfTeasersEndingInOneWidgetWordIsNavigationButAListOfFiguresStays() {
    String raw = """
        Harbour festival draws record crowds

        The harbour festival in Calder drew 40,000 visitors over the weekend, the organisers said on Monday.

        Rainfall by town this month:

        In Calder, rainfall was up 10 percent

        In Northvale, rainfall was down 4 percent

        In Easton, rainfall was up 7 percent

        More Galleries

        Best lighthouses of the coast See the lighthouses our readers love most Shares

        Calder's old trams A look at the trams that ran until 1961. Shares

        Winter on the moors Snow came early to the high moors this year. Shares

        Ten harbour walks The walks our readers picked. Shares
        """;
    Cleaned c = cleaner.clean(raw, "Harbour festival draws record crowds");
    for (String teaser : new String[] {"Best lighthouses", "old trams", "Winter on the moors", "Ten harbour walks"}) {
      assertTrue(reason(c, teaser).contains("teaser list"), teaser + ": " + reason(c, teaser));
      assertFalse(c.body().contains(teaser));
    }
    // lines that end in one word, but not after a stop: figures, not teasers (other rules may still judge them)
    assertFalse(reason(c, "up 10 percent").contains("teaser list"));
    assertFalse(reason(c, "up 7 percent").contains("teaser list"));
    assertTrue(c.body().contains("drew 40,000 visitors"));
  }

  @Test
  void twoTeaserLikeLinesAreNotAList() {
    String raw = """
        Harbour festival draws record crowds

        The harbour festival in Calder drew 40,000 visitors over the weekend, the organisers said on Monday.

        Calder's old trams A look at the trams that ran until 1961. Shares

        Winter on the moors Snow came early to the high moors this year. Shares
        """;
    Cleaned c = cleaner.clean(raw, "Harbour festival draws record crowds");
    assertFalse(reason(c, "old trams").contains("teaser list"));
    assertFalse(reason(c, "Winter on the moors").contains("teaser list"));
  }

  @Test
  void removesScrapingNoiseAndKeepsTheArticle() {
    String raw = """
        Home › World › Europe
        Northvale Gazette
        Bridge reopens in Calder after two-year repair

        By Jo Smith

        The Calder bridge reopened to traffic on Friday after a two-year repair that cost 40 million pounds.

        Engineers replaced all of the deck, the council said in a statement on Friday morning.
        A crane lifts a deck section into place in March.
        Photograph: Jo Smith/Northvale Gazette
        Council leader Amy Hart said the bridge would carry 20,000 vehicles a day once fully open.
        Why Calder's bridges keep failing
        “It has been a long two years for everyone in the town,” Hart said at the ceremony.
        Subscribe to our newsletter
        Leave a comment
        Great news, finally!
        """;
    Cleaned c = cleaner.clean(raw, null);
    assertEquals("Bridge reopens in Calder after two-year repair", c.title());
    assertEquals("Jo Smith", c.byline());
    assertEquals("Northvale Gazette", c.outlet());
    assertTrue(c.body().startsWith("The Calder bridge reopened"), c.body());
    assertTrue(c.body().contains("“It has been a long two years"), "short quoted paragraphs are prose");
    assertEquals("breadcrumb", reason(c, "Home › World"));
    assertEquals("photo credit", reason(c, "Photograph: Jo Smith"));
    assertEquals("photo caption", reason(c, "A crane lifts"));
    assertEquals("headline of a related article or label", reason(c, "Why Calder's bridges"));
    assertTrue(reason(c, "Great news").startsWith("comments or footer"));
    assertFalse(c.body().contains("Subscribe"));
    assertFalse(c.body().contains("Great news"));
  }

  @Test
  void promptsAreRemovedWhereAPhraseStartsAWordAndNowhereElse() {
    String raw = """
        Harbour fees rise for the first time in a decade
        The port authority raised harbour fees by 4 percent on Monday, the first rise in ten years, officials said.
        (Click here to get our morning briefing.)
        Shipping firms said the rise would be passed on to customers within weeks, according to their association.
        SIGN UP for harbour alerts
        Readers who unsubscribed last year were not told about the new fees, the authority said on Monday.
        The fees had been frozen since the last review in 2014, when traffic at the port fell by a fifth.
        """;
    Cleaned c = cleaner.clean(raw, null);
    assertEquals("promotion or sign-up prompt", reason(c, "Click here"));
    assertEquals("promotion or sign-up prompt", reason(c, "SIGN UP"));
    assertTrue(c.body().contains("Readers who unsubscribed"), "a phrase inside a word is no prompt: " + c.body());
  }

  @Test
  void repeatedTitleAndSourceLineAreRemovedAndSourceNamesTheOutlet() {
    String raw = """
        Home News Ferry service suspended in storm
        Ferry service suspended in storm
        Ferry service suspended in storm
        Source: Coastal Times
        All ferry crossings between Port Ellis and Skerry were suspended on Sunday as gale force winds hit the coast.
        """;
    Cleaned c = cleaner.clean(raw, null);
    assertEquals("Ferry service suspended in storm", c.title());
    assertEquals("Coastal Times", c.outlet());
    assertEquals("breadcrumb", reason(c, "Home News"));
    assertTrue(c.removed().contains(new Removed("Ferry service suspended in storm", "repeated title")),
        c.removed().toString());
    assertTrue(c.body().startsWith("All ferry crossings"));
  }

  @Test
  void invisibleCharactersInsideWordsAreDropped() {
    Cleaned c = cleaner.clean("The minister re\u00ADlies on the re\u200Bport, her office said on Monday.", "T");
    assertEquals("The minister relies on the report, her office said on Monday.", c.body());
  }

  @Test
  void knownTitleFromMetadataIsNotRepeatedInTheBody() {
    Cleaned c = cleaner.clean("Storm hits coast\nWinds of 90 km/h hit the coast on Sunday night, officials said.",
        "Storm hits coast");
    assertEquals("Storm hits coast", c.title());
    assertEquals("Winds of 90 km/h hit the coast on Sunday night, officials said.", c.body());
  }

  @Test
  void aFlattenedPhotoGalleryIsRemovedAndTheArticleKept() {
    String raw = "The Calder bridge reopened to traffic on Friday after a two-year repair that cost 40 million "
        + "pounds, the council said.\n\n"
        + "Photos: Bridges of Calder Photos: Bridges of Calder The old bridge in 1950. Hide Caption 1 of 3 Photos: "
        + "Bridges of Calder The new deck is lifted into place. Hide Caption 2 of 3 Photos: Bridges of Calder "
        + "Crowds cross on opening day. Hide Caption 3 of 3\n\n"
        + "Engineers replaced all of the deck and most of the cables over two years of work, the council said.";
    Cleaned c = cleaner.clean(raw, null);
    assertEquals("photo gallery", reason(c, "Hide Caption 2 of 3"));
    assertTrue(c.body().contains("Engineers replaced all of the deck"));
    assertFalse(c.body().contains("Hide Caption"));
    assertFalse(TextCleaner.isGallery("He asked aides to hide caption text. Hide Caption 1 of 2 came later."),
        "one slide marker in a line that is not a gallery's");
  }
}
