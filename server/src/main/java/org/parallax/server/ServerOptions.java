package org.parallax.server;

/**
 * How the server listens and what it allows.
 *
 * @param host address to bind; loopback unless the user asks otherwise
 * @param port TCP port; 0 picks a free one
 * @param maxUploadBytes largest request body accepted (uploads, pasted text, JSON); larger ones get 413
 * @param analysesPerMinute ad hoc analyses one client may start per minute (they cost seconds of CPU); over it, 429
 * @param requestsPerMinute requests of any kind one client may make per minute; 0 means no limit
 * @param cachedReports story reports kept in memory (each is computed on first view)
 * @param listPageSize stories per page of the story list
 */
public record ServerOptions(String host, int port, long maxUploadBytes, int analysesPerMinute, int requestsPerMinute,
                            int cachedReports, int listPageSize) {
  public static final String LOOPBACK = "127.0.0.1";

  public ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    if (maxUploadBytes <= 0 || analysesPerMinute <= 0 || requestsPerMinute < 0 || cachedReports <= 0
        || listPageSize <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static ServerOptions defaults() {
    return new ServerOptions(LOOPBACK, 8080, 10L * 1024 * 1024, 20, 6_000, 500, 25);
  }

  public ServerOptions withPort(int p) {
    return new ServerOptions(host, p, maxUploadBytes, analysesPerMinute, requestsPerMinute, cachedReports, listPageSize);
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(h, port, maxUploadBytes, analysesPerMinute, requestsPerMinute, cachedReports, listPageSize);
  }

  public ServerOptions withLimits(long upload, int analyses, int requests) {
    return new ServerOptions(host, port, upload, analyses, requests, cachedReports, listPageSize);
  }
}
