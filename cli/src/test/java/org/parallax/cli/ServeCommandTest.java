package org.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.testing.TestModels;

/** {@code parallax serve}: what it says and returns when it cannot serve (serving itself is tested in server). */
class ServeCommandTest {
  @Test
  void aMissingStoreIsNamed(@TempDir Path dir) {
    CliRun r = CliRun.of("serve", "--store", dir.resolve("nothing-here").toString());
    assertEquals(ExitCodes.NOTHING_ANALYSED, r.code());
    assertTrue(r.err().contains("no store at") && r.err().contains("nothing-here"), r.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(ExitCodes.USAGE, CliRun.of("serve", "--port", "70000").code());
    assertEquals(ExitCodes.USAGE, CliRun.of("serve", "--max-upload", "0").code());
  }

  @Test
  void aPortInUseIsReportedNotThrown(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    assertEquals(ExitCodes.OK, CliRun.of("ingest", TestModels.repoRoot().resolve("examples/port-strike").toString(), "--store", store.toString()).code());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun r = CliRun.of("serve", "--store", store.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(ExitCodes.USAGE, r.code(), r.err());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
    }
  }
}
