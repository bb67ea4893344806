package io.shaledb.core.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What encryption at rest promises, over the memory engine: values of user keyspaces reach the engine sealed, the
 * system keyspace's in clear, and replacing the master key keeps every value readable. The engine conformance suite
 * runs on it too ({@code EncryptedEngineContractTest}).
 */
class EncryptedEngineTest {
  private final MasterKey master = MasterKey.generate();
  private final StorageEngine plain = StorageEngines.open("memory", EngineOptions.defaults(null));
  private final StorageEngine engine = EncryptionAtRest.open(plain, master);

  @AfterEach
  void close() {
    engine.close();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] itemKey(int keyspace, String rest) {
    byte[] suffix = b(rest);
    return ByteBuffer.allocate(4 + suffix.length).putInt(keyspace).put(suffix).array();
  }

  private void write(byte[] key, byte[] value) {
    try (Transaction tx = engine.begin()) {
      tx.put(key, value);
      tx.commit();
    }
  }

  private static byte[] read(StorageEngine from, byte[] key) {
    try (Snapshot snapshot = from.snapshot()) {
      return snapshot.get(key);
    }
  }

  @Test
  void put_userKeyspace_reachesTheEngineSealed() {
    byte[] key = itemKey(7, "k");
    write(key, b("a value in clear"));

    assertThat(read(engine, key)).isEqualTo(b("a value in clear"));
    assertThat(new String(read(plain, key), StandardCharsets.ISO_8859_1))
        .doesNotContain("a value in clear");
    assertThat(read(plain, SystemKeyspace.dataKey(7))).as("the keyspace's wrapped data key").isNotNull();
  }

  @Test
  void put_systemKeyspace_staysInClear() {
    byte[] key = SystemKeyspace.table("t");
    write(key, b("metadata"));

    assertThat(read(plain, key)).isEqualTo(b("metadata"));
  }

  @Test
  void scanAndVersionstamp_userKeyspace_openEveryValue() {
    write(itemKey(9, "a"), b("1"));
    try (Transaction tx = engine.begin()) {
      tx.putVersionstamped(itemKey(9, "log"), b("2"));
      tx.commit();
    }

    try (Snapshot snapshot = engine.snapshot();
        KvCursor cursor = snapshot.scan(KeyRange.prefix(itemKey(9, "")), false)) {
      assertThat(cursor.next()).isTrue();
      assertThat(cursor.value()).isEqualTo(b("1"));
      assertThat(cursor.next()).isTrue();
      assertThat(cursor.value()).isEqualTo(b("2"));
      assertThat(cursor.next()).isFalse();
    }
    assertThat(engine.getWithoutBlocking(itemKey(9, "a"))).isEqualTo(b("1"));
  }

  @Test
  void rotate_toANewMasterKey_rewrapsDataKeys_andKeepsValuesReadable() {
    write(itemKey(3, "k"), b("v3"));
    write(itemKey(4, "k"), b("v4"));
    byte[] sealed = read(plain, itemKey(3, "k"));
    MasterKey next = MasterKey.generate();

    int rewrapped = EncryptionAtRest.rotate(plain, master, next);

    StorageEngine reopened = EncryptionAtRest.open(plain, next);
    assertThat(rewrapped).isEqualTo(2);
    assertThat(read(plain, itemKey(3, "k"))).as("values are not rewritten").isEqualTo(sealed);
    assertThat(read(reopened, itemKey(3, "k"))).isEqualTo(b("v3"));
    assertThat(read(reopened, itemKey(4, "k"))).isEqualTo(b("v4"));
    assertThatThrownBy(() -> EncryptionAtRest.open(plain, master))
        .hasMessageContaining("and the key file given holds master key " + master.id());
  }

  @Test
  void open_encryptedWithoutKey_isRefused() {
    assertThatThrownBy(() -> EncryptionAtRest.open(plain, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the data directory is encrypted at rest under master key " + master.id()
            + ": name its key file (--encryption-key-file or SHALEDB_ENCRYPTION_KEY_FILE)");
  }

  @Test
  void unwrap_dataKeyMovedToAnotherKeyspace_doesNotOpen() {
    byte[] wrapped = master.wrap(5, AesGcm.newKey());

    assertThatThrownBy(() -> master.unwrap(6, wrapped)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the data key of keyspace 6 does not open with master key " + master.id());
  }
}
