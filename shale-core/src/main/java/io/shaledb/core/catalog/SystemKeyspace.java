package io.shaledb.core.catalog;

import io.shaledb.core.storage.KeyRange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout of the system keyspace, keyspace 0: the one place that defines its keys. After the four zero bytes of
 * the keyspace id, a key's first byte says what it holds ({@link Kind}).
 *
 * <p>Everything a table owns here is keyed by the table's (or its index's) keyspace id, right after the kind byte,
 * so it can be found and removed by range when the keyspace is dropped ({@link #ownedBy}); a table dropped and
 * created again under the same name has a new keyspace and shares nothing with the old one. Every change to these
 * keys is made in a storage transaction.
 */
public final class SystemKeyspace {
  private static final byte[] KEYSPACE = {0, 0, 0, 0};
  /** Keyspace ids start here; 0 is this keyspace. */
  public static final int FIRST_USER_KEYSPACE = 1;

  /** The first byte of a system key. Persisted: a marker is never changed or reused. */
  public enum Kind {
    /** {@code 'T' name}: a table's metadata. */
    TABLE('T'),
    /** {@code 'K'}: the next unused keyspace id (ids are never reused). */
    NEXT_KEYSPACE('K'),
    /** {@code 'V'}: the catalog's version, raised by every catalog change, so caches can tell they are stale. */
    CATALOG_VERSION('V'),
    /** {@code 'D' keyspace}: a dropped keyspace whose keys are still being removed. */
    DROPPED('D'),
    /** {@code 'S' arn}: a stream's descriptor, kept after its table disables it or is deleted, until retention. */
    STREAM('S'),
    /** {@code 'X' token}: a TransactWriteItems ClientRequestToken, with its expiry and request fingerprint. */
    TOKEN('X'),
    /** {@code 'Y' expiry token}: the same tokens ordered by expiry, so expired ones are found without a scan. */
    TOKEN_EXPIRY('Y'),
    /** {@code 'C' keyspace hash partition}: the size of an item collection of a table with local indexes. */
    ITEM_COLLECTION('C'),
    /** {@code 'P' keyspace task}: where a background task over a keyspace resumes ({@link Task}). */
    PROGRESS('P'),
    /** {@code 'B' arn}: an on-demand backup's descriptor; its items are in a keyspace of their own. */
    BACKUP('B'),
    /** {@code 'R' keyspace}: the restore still filling the table of that keyspace, and where it reads from. */
    RESTORE('R'),
    /** {@code 'U' name}: a user of the principal store, to whom access keys (and later policies) belong. */
    USER('U'),
    /** {@code 'A' access key id}: an access key: its user, status, creation and its secret, sealed. */
    ACCESS_KEY('A'),
    /** {@code 'W'}: the principal store's version, raised by every change of a user or key. */
    PRINCIPALS_VERSION('W'),
    /**
     * {@code 'L' keyspace dimension}: an Application Auto Scaling target of a table or global index (the keyspace is
     * the table's or the index's), with its scaling policies and recent activities.
     */
    SCALABLE_TARGET('L'),
    /** {@code 'E' keyspace}: the keyspace's data key, wrapped by the master key (encryption at rest). */
    DATA_KEY('E'),
    /** {@code 'M'}: the id of the master key the data directory is encrypted under; absent when it is not. */
    MASTER_KEY('M'),
    /** {@code 'I' name}: a user's inline identity policies and tags, which decide what its requests may do. */
    USER_ACCESS('I'),
    /** {@code 'G' name}: a group of users with its inline policies, which apply to each of its members. */
    GROUP('G'),
    /** {@code 'F' keyspace}: when the table of that keyspace switched to on-demand within the last day. */
    BILLING_MODE_SWITCHES('F'),
    /**
     * {@code 'Q' keyspace region}: how far replication of the table of that keyspace to a replica in another region
     * got: its phase, the stream position it acknowledged and where its backfill resumes.
     */
    REPLICA_POSITION('Q'),
    /**
     * {@code 'H' keyspace}: where the partitions of the table or global index of that keyspace begin, as its splits
     * left them (capacity's partition model).
     */
    PARTITIONS('H'),
    /**
     * {@code 'N' name}: a lease on background work that one of the servers sharing the store does for all of them: the
     * holder's id and when the lease expires.
     */
    LEASE('N'),
    /**
     * {@code 'Z' keyspace region}: the low watermark the replica in that region last reported with its changes to the
     * table of that keyspace: every change it made with an earlier stamp has reached all its replicas.
     */
    REPLICA_WATERMARK('Z'),
    /**
     * {@code 'O' keyspace}: the stamp of the last change of the settings the replicas of the table of that keyspace
     * share, which orders changes made in different regions at once ({@link SharedSettingsStamp}).
     */
    SHARED_SETTINGS_STAMP('O'),
    /**
     * {@code 'J' keyspace record key}: an item's consensus state in a table of multi-region strong consistency (the
     * keyspace is the table's, the key the rest of the item's key): record 0 the ballot promised and the proposal
     * accepted, record 1 (in the witness only) the committed value, record 2 when the accepted proposal still open
     * (not yet committed or decided here) was accepted ({@link io.shaledb.core.consensus.OpenProposals}).
     */
    PAXOS('J'),
    /**
     * {@code 'w' name}: a table of multi-region strong consistency that this region witnesses without holding it
     * ({@link WitnessedTable}); every upper-case marker is taken.
     */
    WITNESSED_TABLE('w');

    private final byte marker;

    Kind(char marker) {
      this.marker = (byte) marker;
    }
  }

  /** Background work that keeps a resume position per keyspace. Persisted by ordinal: never reorder. */
  public enum Task {
    TIME_TO_LIVE_SWEEP,
    INDEX_BACKFILL,
    RESTORE_COPY,
    HISTORY_RECLAIM,
    TOMBSTONE_RECLAIM
  }

  private SystemKeyspace() {}

  public static byte[] table(String name) {
    return key(Kind.TABLE, name.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] witnessedTable(String name) {
    return key(Kind.WITNESSED_TABLE, name.getBytes(StandardCharsets.UTF_8));
  }


  public static byte[] nextKeyspace() {
    return key(Kind.NEXT_KEYSPACE, new byte[0]);
  }

  public static byte[] catalogVersion() {
    return key(Kind.CATALOG_VERSION, new byte[0]);
  }

  public static byte[] dropped(int keyspace) {
    return key(Kind.DROPPED, keyspaceId(keyspace));
  }

  public static byte[] stream(String arn) {
    return key(Kind.STREAM, arn.getBytes(StandardCharsets.UTF_8));
  }


  public static byte[] token(String token) {
    return key(Kind.TOKEN, token.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] tokenExpiry(long expiresAtMillis, String token) {
    byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
    return key(Kind.TOKEN_EXPIRY, ByteBuffer.allocate(Long.BYTES + utf8.length).putLong(expiresAtMillis).put(utf8)
        .array());
  }

  /** The {@link #tokenExpiry} keys of tokens that expired before {@code nowMillis}. */
  public static KeyRange tokensExpiredBefore(long nowMillis) {
    return new KeyRange(key(Kind.TOKEN_EXPIRY, new byte[0]),
        key(Kind.TOKEN_EXPIRY, ByteBuffer.allocate(Long.BYTES).putLong(Math.max(0, nowMillis)).array()));
  }

  /** The token a {@link #tokenExpiry} key names. */
  public static String expiringToken(byte[] key) {
    int offset = KEYSPACE.length + 1 + Long.BYTES;
    return new String(key, offset, key.length - offset, StandardCharsets.UTF_8);
  }

  public static byte[] user(String name) {
    return key(Kind.USER, name.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] accessKey(String accessKeyId) {
    return key(Kind.ACCESS_KEY, accessKeyId.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] userAccess(String name) {
    return key(Kind.USER_ACCESS, name.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] group(String name) {
    return key(Kind.GROUP, name.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] principalsVersion() {
    return key(Kind.PRINCIPALS_VERSION, new byte[0]);
  }

  /** The name or id a key of a kind keyed by text ({@link Kind#USER}, {@link Kind#ACCESS_KEY}, {@link Kind#USER_ACCESS}) names. */
  public static String text(byte[] key) {
    int offset = KEYSPACE.length + 1;
    return new String(key, offset, key.length - offset, StandardCharsets.UTF_8);
  }

  /** @param partition the item key prefix of the collection's partition, which starts with the table's keyspace */
  public static byte[] itemCollection(byte[] partition) {
    return key(Kind.ITEM_COLLECTION, partition);
  }

  public static byte[] backup(String arn) {
    return key(Kind.BACKUP, arn.getBytes(StandardCharsets.UTF_8));
  }

  /** @param keyspace the keyspace of the table being restored */
  public static byte[] restore(int keyspace) {
    return key(Kind.RESTORE, keyspaceId(keyspace));
  }

  public static byte[] progress(int keyspace, Task task) {
    return key(Kind.PROGRESS, ByteBuffer.allocate(Integer.BYTES + 1).putInt(keyspace).put((byte) task.ordinal())
        .array());
  }

  /** @param dimension which capacity of the table or index of {@code keyspace} is scaled (persisted, never reused) */
  public static byte[] scalableTarget(int keyspace, int dimension) {
    return key(Kind.SCALABLE_TARGET, ByteBuffer.allocate(Integer.BYTES + 1).putInt(keyspace).put((byte) dimension)
        .array());
  }

  public static byte[] billingModeSwitches(int keyspace) {
    return key(Kind.BILLING_MODE_SWITCHES, keyspaceId(keyspace));
  }

  /** @param keyspace the keyspace of a table or of a global index */
  public static byte[] partitions(int keyspace) {
    return key(Kind.PARTITIONS, keyspaceId(keyspace));
  }

  /** @param keyspace the replicated table's keyspace */
  public static byte[] replicaPosition(int keyspace, String region) {
    byte[] utf8 = region.getBytes(StandardCharsets.UTF_8);
    return key(Kind.REPLICA_POSITION, ByteBuffer.allocate(Integer.BYTES + utf8.length).putInt(keyspace).put(utf8)
        .array());
  }

  /** @param keyspace the replicated table's keyspace */
  public static byte[] replicaWatermark(int keyspace, String region) {
    byte[] utf8 = region.getBytes(StandardCharsets.UTF_8);
    return key(Kind.REPLICA_WATERMARK, ByteBuffer.allocate(Integer.BYTES + utf8.length).putInt(keyspace).put(utf8)
        .array());
  }

  /** @param keyspace the replicated table's keyspace */
  public static byte[] sharedSettingsStamp(int keyspace) {
    return key(Kind.SHARED_SETTINGS_STAMP, keyspaceId(keyspace));
  }

  /**
   * @param itemKey the item's key in the table's keyspace
   * @param record which of the item's consensus records ({@link Kind#PAXOS})
   */
  public static byte[] paxos(byte[] itemKey, int record) {
    return key(Kind.PAXOS, ByteBuffer.allocate(itemKey.length + 1).put(itemKey, 0, Integer.BYTES).put((byte) record)
        .put(itemKey, Integer.BYTES, itemKey.length - Integer.BYTES).array());
  }

  /** The item key of an item's consensus record: the inverse of {@link #paxos}. */
  public static byte[] paxosItemKey(byte[] paxosKey) {
    int body = KEYSPACE.length + 1;
    return ByteBuffer.allocate(paxosKey.length - body - 1).put(paxosKey, body, Integer.BYTES)
        .put(paxosKey, body + Integer.BYTES + 1, paxosKey.length - body - Integer.BYTES - 1).array();
  }

  public static byte[] lease(String name) {
    return key(Kind.LEASE, name.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] dataKey(int keyspace) {
    return key(Kind.DATA_KEY, keyspaceId(keyspace));
  }

  public static byte[] masterKey() {
    return key(Kind.MASTER_KEY, new byte[0]);
  }

  /** Every key of one kind. */
  public static KeyRange all(Kind kind) {
    return KeyRange.prefix(key(kind, new byte[0]));
  }

  /**
   * The keyspace that owns a key of a kind keyed by keyspace ({@link Kind#ITEM_COLLECTION}, {@link Kind#PROGRESS},
   * {@link Kind#DROPPED}, {@link Kind#RESTORE}, {@link Kind#SCALABLE_TARGET}, {@link Kind#DATA_KEY},
   * {@link Kind#BILLING_MODE_SWITCHES}, {@link Kind#REPLICA_POSITION}, {@link Kind#PARTITIONS},
   * {@link Kind#REPLICA_WATERMARK}, {@link Kind#SHARED_SETTINGS_STAMP},
   * {@link Kind#PAXOS}).
   */
  public static int owner(byte[] key) {
    return ByteBuffer.wrap(key, KEYSPACE.length + 1, Integer.BYTES).getInt();
  }

  /** The system keys that belong to a keyspace, removed when it is dropped. */
  public static List<KeyRange> ownedBy(int keyspace) {
    return List.of(KeyRange.prefix(key(Kind.ITEM_COLLECTION, keyspaceId(keyspace))),
        KeyRange.prefix(key(Kind.PROGRESS, keyspaceId(keyspace))), KeyRange.prefix(restore(keyspace)),
        KeyRange.prefix(key(Kind.SCALABLE_TARGET, keyspaceId(keyspace))), KeyRange.prefix(dataKey(keyspace)),
        KeyRange.prefix(billingModeSwitches(keyspace)),
        KeyRange.prefix(key(Kind.REPLICA_POSITION, keyspaceId(keyspace))), KeyRange.prefix(partitions(keyspace)),
        KeyRange.prefix(key(Kind.REPLICA_WATERMARK, keyspaceId(keyspace))),
        KeyRange.prefix(sharedSettingsStamp(keyspace)),
        KeyRange.prefix(key(Kind.PAXOS, keyspaceId(keyspace))));
  }

  private static byte[] keyspaceId(int keyspace) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(keyspace).array();
  }

  private static byte[] key(Kind kind, byte[] suffix) {
    return ByteBuffer.allocate(KEYSPACE.length + 1 + suffix.length).put(KEYSPACE).put(kind.marker).put(suffix)
        .array();
  }
}
