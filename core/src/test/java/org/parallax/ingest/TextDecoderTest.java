package org.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  @Test
  void plainUtf8IsDecodedWithoutNote() {
    TextDecoder.Decoded d = TextDecoder.decode("Café “quoted”".getBytes(StandardCharsets.UTF_8));
    assertEquals("Café “quoted”", d.text());
    assertNull(d.note());
  }

  @Test
  void utf8BomIsStripped() {
    byte[] body = "Hello".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[body.length + 3];
    b[0] = (byte) 0xEF;
    b[1] = (byte) 0xBB;
    b[2] = (byte) 0xBF;
    System.arraycopy(body, 0, b, 3, body.length);
    assertEquals("Hello", TextDecoder.decode(b).text());
  }

  @Test
  void utf16BomsAreHonoured() {
    byte[] le = "\uFEFFDock strike".getBytes(StandardCharsets.UTF_16LE);
    byte[] be = "\uFEFFDock strike".getBytes(StandardCharsets.UTF_16BE);
    assertEquals("Dock strike", TextDecoder.decode(le).text());
    assertEquals("Dock strike", TextDecoder.decode(be).text());
  }

  @Test
  void windows1252FallsBackWithANote() {
    byte[] b = "The union’s “offer” – café".getBytes(Charset.forName("windows-1252"));
    TextDecoder.Decoded d = TextDecoder.decode(b);
    assertEquals("The union’s “offer” – café", d.text());
    assertEquals("windows-1252", d.charset());
    assertNotNull(d.note());
  }

  @Test
  void binaryAndEmptyInputsAreRefusedWithWhatTheyAre() {
    assertTrue(assertThrows(BadInputException.class, () -> TextDecoder.decode(new byte[] {'%', 'P', 'D', 'F', '-'}))
        .getMessage().contains("PDF"));
    assertTrue(assertThrows(BadInputException.class, () -> TextDecoder.decode(new byte[] {1, 0, 2, 3}))
        .getMessage().contains("NUL"));
    assertEquals("empty file", assertThrows(BadInputException.class, () -> TextDecoder.decode(new byte[0]))
        .getMessage());
  }
}
