package io.shaledb.core.schema;

import java.time.Instant;

/**
 * Contributor insights switched on for a table or an index: what they were asked to record and when. ShaleDB keeps
 * the setting for the tools that read it back and collects no key statistics.
 */
public record ContributorInsights(Mode mode, Instant lastUpdated) {
  /** What the insights rank. Persisted by ordinal: never reorder. */
  public enum Mode {
    ACCESSED_AND_THROTTLED_KEYS,
    THROTTLED_KEYS
  }
}
