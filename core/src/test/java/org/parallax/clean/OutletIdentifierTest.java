package org.parallax.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.Document;
import org.parallax.model.Article;
import org.parallax.model.OutletIdentity;
import org.parallax.model.OutletIdentity.Basis;

class OutletIdentifierTest {
  private static final String PROSE = "The council approved the budget on Tuesday after a long debate about the harbour"
      + " and the new school, which the mayor said would open in the spring of next year.";

  private static Article clean(String text, String outlet, String url) {
    return new ArticleCleaner().clean(new Document("file-7", "file-7.txt", Document.Format.TEXT, text, null, outlet,
        url, null, null));
  }

  private static String body(String... tail) {
    return "Council approves budget\n\n" + PROSE + "\n\n" + PROSE + "\n\n" + PROSE + "\n\n" + String.join("\n\n", tail);
  }

  @Test
  void metadataWinsAndAliasesAreOneOutlet() {
    Article a = clean(body(), "New York Times - News", null);
    assertEquals("New York Times", a.outlet());
    assertEquals(Basis.METADATA, a.outletIdentity().basis());
    Article b = clean(body(), null, "https://www.nytimes.com/2021/12/07/world/x.html");
    assertEquals("New York Times", b.outlet());
    assertEquals(Basis.URL_HOST, b.outletIdentity().basis());
    assertEquals("Reuters", OutletAliases.defaults().canonical("REUTERS"));
    assertEquals("CNN", OutletAliases.defaults().forHost("edition.cnn.com"));
    assertEquals("Guest Writer - Right", OutletAliases.defaults().canonical("Guest Writer - Right"));
  }

  @Test
  void anUnlistedHostIsItsOwnName() {
    assertEquals("harbourledger.example", clean(body(), null, "http://harbourledger.example/a").outlet());
  }

  @Test
  void aFooterThatRepeatsItsNameInItsTaglineNamesTheSite() {
    Article a = clean(body("Source link", "dailywire7", "Dailywire7: the latest news of the day, every day.",
        "Back to top button"), null, null);
    assertEquals("dailywire7", a.outlet());
    assertEquals(Basis.FOOTER, a.outletIdentity().basis());
  }

  @Test
  void aCopyrightLineNamesTheOwner() {
    Article a = clean(body("© 2021 Harbour Ledger Media, Inc. All rights reserved."), null, null);
    assertEquals("Harbour Ledger Media", a.outlet());
    assertEquals(Basis.COPYRIGHT, a.outletIdentity().basis());
  }

  @Test
  void aPicturesCopyrightNamesNoPublisher() {
    Article a = clean(body("© Matthias Hangst/Getty Images"), null, null);
    assertFalse(a.outletIdentity().known(), a.outlet());
    assertFalse(clean(body("© ArTo / Fotolia"), null, null).outletIdentity().known());
  }

  @Test
  void aTranslationCreditIsTheOriginalNeverThePublisher() {
    Article a = clean(body("Translated from RBC.RU"), null, null);
    OutletIdentity id = a.outletIdentity();
    assertFalse(id.known());
    assertEquals("unknown (file-7)", a.outlet());
    assertEquals("RBC", id.original());
    assertEquals("unknown (original: RBC)", id.display());
  }

  @Test
  void aSourceLineCreditsTheOriginalWhenThePublisherIsNamedOtherwise() {
    Article a = clean(body("Originally published by The Harbour Ledger."), "Valley Post", null);
    assertEquals("Valley Post", a.outlet());
    assertEquals("Harbour Ledger", a.outletIdentity().original());
    Article b = clean(body("Source: Harbour Ledger"), "Valley Post", null);
    assertEquals("Harbour Ledger", b.outletIdentity().original());
    Article c = clean(body("Source: Valley Post"), "Valley Post", null);
    assertNull(c.outletIdentity().original(), "a source line naming the publisher is no other original");
  }

  @Test
  void nothingNamedIsUnknownNotTheFileName() {
    Article a = clean(body("Leave A Reply", "Your email address will not be published."), null, null);
    assertEquals(Basis.UNKNOWN, a.outletIdentity().basis());
    assertEquals("unknown", a.outletIdentity().display());
    assertNull(a.outletIdentity().original());
  }

  @Test
  void aSentenceIsNeverTakenForAName() {
    assertFalse(OutletIdentifier.nameLike("the council said it would meet again. Then it left"));
    assertNull(OutletIdentifier.footerName(List.of()));
  }
}
