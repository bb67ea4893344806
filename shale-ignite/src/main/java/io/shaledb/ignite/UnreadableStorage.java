package io.shaledb.ignite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A node whose partition storage cannot be read, and whether it may rebuild its data from the others by itself.
 *
 * <p>After a {@code kill -9} or a halt in the first minutes of a new cluster, aipersist has twice left a partition whose
 * meta points to a page never written ("Unknown page IO type: 0" reading a blob: the partition's lease information or
 * its Raft configuration); every later launch of the node fails to start that partition, so the node never serves
 * again (docs/cluster.md, "Replacing a node's data"). A page whose checksum does not match (damaged on disk) fails
 * the same way when the partition's storage opens it ("Failed to read page (CRC validation failed)"). The remedy is
 * the operator's: the node started again under its name on an empty directory receives every replica from the
 * others. A node can take that step itself, soundly only while the others hold a majority of every partition's
 * replicas: then everything acknowledged is on a majority of them, and the node's own copy is not needed. Otherwise
 * its copy may be, and the node exits for an operator, as before.
 *
 * <p>The data is moved aside, never deleted, and only once: a node that finds an earlier directory moved aside exits
 * for the operator instead, so a node whose rebuilt storage fails again cannot fill the disk with copies.
 *
 * @param workDirectory the node's Ignite directory
 * @param replicas the copies the keyspace keeps of each partition, as the node is configured
 * @param others the cluster addresses ({@code host:port}) of the other nodes named in the seeds
 * @param patience how long each of them may take to accept a connection
 */
record UnreadableStorage(Path workDirectory, int replicas, List<String> others, Duration patience) {
  /**
   * How a node reports a launch that failed after aipersist recreated a partition's meta page that failed its checksum
   * ({@link DamagedMetaPages}), which Ignite's own failure does not name.
   */
  static final String DAMAGED_META_PAGE = "a partition meta page failed its checksum";

  /**
   * How aipersist reports a page it cannot read: one never written, read as zeros (a page beyond the end of its file is
   * read so, without a checksum), by its type when it reads a blob and by its version when it opens a free list; and a
   * page whose checksum does not match what it holds ({@code AbstractFilePageStoreIo}); and a launch that failed after
   * aipersist recreated a meta page failing its checksum.
   */
  private static final List<String> UNREADABLE_PAGE = List.of("Unknown page IO type: 0",
      "Failed to get page IO instance (page content is corrupted)", "Failed to read page (CRC validation failed)",
      DAMAGED_META_PAGE);

  UnreadableStorage {
    others = List.copyOf(others);
  }

  /** Where the unreadable data is kept: next to the node's directory, one at most. */
  Path aside() {
    return workDirectory.resolveSibling(workDirectory.getFileName() + ".unreadable");
  }

  /** Whether {@code failure}, a launch's, is its partition storage meeting a page it cannot read. */
  static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (UNREADABLE_PAGE.stream().anyMatch(message::contains)) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (causedBy(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Why the node must not rebuild its data by itself now, if it must not: its data was moved aside before, or the
   * keyspace keeps fewer than three copies of a partition, or it names no other node, or one of the others does not answer at its cluster address (the others then may not hold a
   * majority of the partitions' replicas without this node's copy).
   */
  Optional<String> refusal() {
    if (Files.exists(aside())) {
      return Optional.of("an earlier copy of its data, moved aside in " + aside() + ", is still there");
    }
    if (replicas < 3) {
      // With every other node up, a partition's other copies number replicas - 1: a majority only from three on.
      return Optional.of("the keyspace keeps " + replicas + " cop" + (replicas == 1 ? "y" : "ies")
          + " of each partition, so the others hold no majority of a partition without this node's copy");
    }
    if (others.isEmpty()) {
      return Optional.of("its seeds name no other node to rebuild its data from");
    }
    return others.stream().filter(other -> !AddressProbe.accepts(other, patience)).findFirst()
        .map(other -> "node " + other + " does not answer, so the others may not hold a majority of every partition");
  }

  /** Moves the node's data aside, keeping it for a post-mortem; the node then starts on an empty directory. */
  Path moveAside() {
    try {
      return Files.move(workDirectory, aside());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + workDirectory + " aside to " + aside(), e);
    }
  }
}
