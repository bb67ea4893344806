package io.shaledb.server;

import io.shaledb.server.metrics.LogFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a server tells about its work besides its start and its errors.
 *
 * @param metrics whether metrics are kept and served at {@code GET /metrics}
 * @param accessLog where the access log goes: a file, {@code -} for standard output, or null for none
 * @param logFormat how the access log and the failed requests' lines are written
 */
public record Observability(boolean metrics, @Nullable String accessLog, LogFormat logFormat) {
  /** Metrics on, no access log, logfmt lines. */
  public static Observability defaults() {
    return new Observability(true, null, LogFormat.LOGFMT);
  }
}
