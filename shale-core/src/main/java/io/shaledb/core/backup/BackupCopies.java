package io.shaledb.core.backup;

import io.shaledb.core.storage.Snapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backups being copied in this process, each with the engine snapshot it copies from and how far it got. This
 * is the one piece of backup state that lives in the JVM, because an engine snapshot cannot outlive its process:
 * after a restart a backup still CREATING has no entry here, and its copy starts again from a fresh snapshot (the
 * backup then holds the table as of that instant, which its descriptor records).
 */
public final class BackupCopies implements AutoCloseable {

  /** One backup's copy in progress; its fields are touched only by the copying service's thread. */
  public static final class Copy {
    private final Snapshot snapshot;
    private final int sourceKeyspace;
    private byte[] position;
    private long items;
    private long bytes;

    Copy(Snapshot snapshot, int sourceKeyspace, byte[] start) {
      this.snapshot = snapshot;
      this.sourceKeyspace = sourceKeyspace;
      this.position = start;
    }

    public Snapshot snapshot() {
      return snapshot;
    }

    /** The source key the next batch starts from. */
    public byte[] position() {
      return position;
    }

    public long items() {
      return items;
    }

    public long bytes() {
      return bytes;
    }

    /** Records a batch that committed. */
    public void advance(byte[] next, long batchItems, long batchBytes) {
      position = next;
      items += batchItems;
      bytes += batchBytes;
    }
  }

  private final Map<String, Copy> copies = new ConcurrentHashMap<>();

  /** Hands {@code snapshot} (closed with the copy) to the copy of backup {@code arn}, reading from {@code start}. */
  public void begin(String arn, Snapshot snapshot, int sourceKeyspace, byte[] start) {
    Copy previous = copies.put(arn, new Copy(snapshot, sourceKeyspace, start));
    if (previous != null) {
      previous.snapshot.close();
    }
  }

  public Optional<Copy> find(String arn) {
    return Optional.ofNullable(copies.get(arn));
  }

  /** Ends a copy, done or abandoned, releasing its snapshot. */
  public void end(String arn) {
    Copy copy = copies.remove(arn);
    if (copy != null) {
      copy.snapshot.close();
    }
  }

  /**
   * Whether a copy still reads {@code keyspace}: the keyspace of a table dropped while it is being backed up is
   * kept until the copy ends, since not every engine's snapshot survives the removal of a range.
   */
  public boolean reading(int keyspace) {
    return copies.values().stream().anyMatch(copy -> copy.sourceKeyspace == keyspace);
  }

  @Override
  public void close() {
    copies.keySet().forEach(this::end);
  }
}
