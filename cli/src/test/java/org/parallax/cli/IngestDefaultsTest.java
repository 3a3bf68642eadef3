package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parallax.corpus.CorpusIngester;
import picocli.CommandLine;

class IngestDefaultsTest {
  @Test
  void theCommandLineBatchDefaultIsTheLibraryOne() {
    String cli = new CommandLine(new IngestCommand()).getCommandSpec().findOption("--batch").defaultValue();
    assertEquals(String.valueOf(CorpusIngester.Settings.defaults().batch()), cli);
  }
}
