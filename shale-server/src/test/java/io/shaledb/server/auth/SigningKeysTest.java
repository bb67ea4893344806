package io.shaledb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.Principal;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys verification keeps, and that every change of the store reaches them at once. */
class SigningKeysTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir
  Path keyFiles;

  private final StorageEngine engine = StorageEngines.open("memory", EngineOptions.defaults(null));
  private PrincipalStore store;
  private SigningKeys keys;

  @BeforeEach
  void open() {
    store = new PrincipalStore(engine, SecretSealer.lazily(keyFiles.resolve("auth.key")),
        Clock.fixed(NOW, ZoneOffset.UTC), "123456789012");
    keys = new SigningKeys(store);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void find_sameKeyAgain_isTheKeptKey_actingForItsUser() {
    store.createUser("alice");
    String id = store.createAccessKey("alice").key().id();

    SigningKeys.KnownKey first = keys.find(id).orElseThrow();

    assertThat(first.principal()).isEqualTo(Principal.user(id, "alice", "123456789012"));
    assertThat(keys.find(id)).containsSame(first);
  }

  @Test
  void find_keyDeactivatedAfterUse_isAbsentAtTheNextRequest_andBackOnceActivated() {
    store.createUser("alice");
    String id = store.createAccessKey("alice").key().id();
    assertThat(keys.find(id)).isPresent();

    store.setStatus("alice", id, AccessKeyStatus.INACTIVE);
    assertThat(keys.find(id)).isEmpty();

    store.setStatus("alice", id, AccessKeyStatus.ACTIVE);
    assertThat(keys.find(id)).isPresent();
  }

  @Test
  void find_keyDeletedAfterUse_isAbsent() {
    store.createUser("alice");
    String id = store.createAccessKey("alice").key().id();
    assertThat(keys.find(id)).isPresent();

    store.deleteAccessKey("alice", id);

    assertThat(keys.find(id)).isEmpty();
  }

  @Test
  void find_unknownKeyCreatedLater_isFoundOnceItExists() {
    store.createUser("alice");
    String first = store.createAccessKey("alice").key().id();
    assertThat(keys.find("AKIANOTYETCREATED000")).isEmpty();
    assertThat(keys.find(first)).isPresent();

    String second = store.createAccessKey("alice").key().id();

    assertThat(keys.find(second)).isPresent();
    assertThat(keys.find(first)).isPresent();
  }

  @Test
  void forgetAll_afterAnotherProcessChangedTheStore_readsTheKeyAgain() {
    store.createUser("alice");
    String id = store.createAccessKey("alice").key().id();
    SigningKeys.KnownKey before = keys.find(id).orElseThrow();

    keys.forgetAll();

    assertThat(keys.find(id)).hasValueSatisfying(after -> assertThat(after).isNotSameAs(before));
  }
}
