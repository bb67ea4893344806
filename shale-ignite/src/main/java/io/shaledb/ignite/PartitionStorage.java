package io.shaledb.ignite;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Ignite storage engine that keeps a node's partitions on its disk (the engine option {@code partition-storage}). */
public enum PartitionStorage {
  /** Ignite's page memory, persisted by checkpoints of dirty pages; Ignite's default. */
  AIPERSIST,
  /** RocksDB without its write-ahead log: atomic flushes of every column family, the Raft log replayed after them. */
  ROCKSDB;

  /**
   * How a node's configuration names the engine of its storage profile: as {@link NodeSettings#configuration()} writes
   * it ({@code engine: aipersist}) or as Ignite writes the file back once it runs ({@code engine=aipersist}).
   */
  private static final Pattern PROFILE_ENGINE =
      Pattern.compile("profiles\\s*[:=]\\s*\\[\\s*\\{[^}]*?engine\\s*[:=]\\s*\"?(\\w+)");

  /** The name Ignite's storage profiles give the engine. */
  String engineName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The storage that a node's configuration names, if it names one. */
  static Optional<PartitionStorage> namedIn(String configuration) {
    Matcher matcher = PROFILE_ENGINE.matcher(configuration);
    return matcher.find() ? Optional.of(named(matcher.group(1))) : Optional.empty();
  }

  /** The storage named {@code name} (either case). */
  static PartitionStorage named(String name) {
    return Arrays.stream(values()).filter(storage -> storage.engineName().equalsIgnoreCase(name.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown partition-storage " + name + ": one of "
            + Arrays.stream(values()).map(PartitionStorage::engineName).collect(Collectors.joining(", "))));
  }
}
