package io.shaledb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrincipalStoreTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir
  Path keys;

  private final StorageEngine engine = StorageEngines.open("memory", EngineOptions.defaults(null));
  private PrincipalStore store;

  private PrincipalStore store() {
    if (store == null) {
      store = new PrincipalStore(engine, SecretSealer.lazily(keys.resolve("auth.key")),
          Clock.fixed(NOW, ZoneOffset.UTC), "123456789012");
    }
    return store;
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void createUser_newName_isListedWithItsArn() {
    IamUser user = store().createUser("alice");

    assertThat(user).isEqualTo(new IamUser("alice", "123456789012", NOW));
    assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(store().listUsers()).containsExactly(user);
    assertThat(store().hasUsers()).isTrue();
  }

  @Test
  void createUser_withoutSayingOtherwise_holdsAdministratorAccess_orNothingWhenAskedFor() {
    store().createUser("admin");
    store().createUser("nobody", false);

    assertThat(store().userPolicies("admin")).containsExactly(
        Map.entry(PrincipalStore.ADMINISTRATOR_POLICY_NAME, PrincipalStore.ADMINISTRATOR_POLICY));
    assertThat(store().userPolicies("nobody")).isEmpty();
  }

  @Test
  void putUserPolicy_thenTagAndDelete_changeWhatTheDirectoryHolds_andTellTheListeners() {
    store().createUser("alice", false);
    List<Integer> changes = new ArrayList<>();
    store().onChange(() -> changes.add(changes.size()));
    String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}";

    store().putUserPolicy("alice", "read", policy);
    store().tagUser("alice", Map.of("team", "data"));

    assertThat(store().access().get("alice").policies()).containsExactly(Map.entry("read", policy));
    assertThat(store().userTags("alice")).containsExactly(Map.entry("team", "data"));
    assertThat(changes).hasSize(2);
    store().deleteUserPolicy("alice", "read");
    store().untagUser("alice", List.of("team"));
    assertThat(store().userPolicies("alice")).isEmpty();
    assertThat(store().userTags("alice")).isEmpty();
    store().deleteUser("alice");
    assertThat(store().access()).doesNotContainKey("alice");
  }

  @Test
  void putUserPolicy_malformedOrForAnUnknownUser_isRefusedWithIamsMessage() {
    store().createUser("alice", false);

    assertThatThrownBy(() -> store().putUserPolicy("alice", "p", "{\"Statement\":{\"Effect\":\"Allow\"}}"))
        .hasMessage("Policy statement must contain actions.");
    assertThatThrownBy(() -> store().putUserPolicy("bob", "p", PrincipalStore.ADMINISTRATOR_POLICY))
        .hasMessage("The user with name bob cannot be found.");
    assertThatThrownBy(() -> store().deleteUserPolicy("alice", "p"))
        .hasMessage("The user policy with name p cannot be found.");
    assertThat(store().userPolicies("alice")).isEmpty();
  }

  @Test
  void createUser_invalidOrTakenName_isRefusedWithIamsMessage() {
    store().createUser("alice");

    assertThatThrownBy(() -> store().createUser("alice")).hasMessage("User with name alice already exists.");
    assertThatThrownBy(() -> store().createUser("a/b")).hasMessage("The specified value for userName is invalid."
        + " It must contain only alphanumeric characters and/or the following: +=,.@_-");
    assertThatThrownBy(() -> store().createUser("x".repeat(65))).hasMessageStartingWith("The specified value");
  }

  @Test
  void createAccessKey_thirdKey_exceedsIamsQuota() {
    store().createUser("alice");
    NewAccessKey first = store().createAccessKey("alice");
    store().createAccessKey("alice");

    assertThat(first.key().id()).matches("AKIA[A-Z2-7]{16}");
    assertThat(first.secret()).hasSize(40);
    assertThatThrownBy(() -> store().createAccessKey("alice"))
        .hasMessage("Cannot exceed quota for AccessKeysPerUser: 2");
  }

  @Test
  void signingKey_activeKey_opensItsSecret_andInactiveOrDeletedKeysAreAbsent() {
    store().createUser("alice");
    NewAccessKey key = store().createAccessKey("alice");

    assertThat(store().signingKey(key.key().id())).get()
        .satisfies(found -> assertThat(found.secret()).isEqualTo(key.secret()))
        .satisfies(found -> assertThat(found.user().name()).isEqualTo("alice"));
    store().setStatus("alice", key.key().id(), AccessKeyStatus.INACTIVE);
    assertThat(store().signingKey(key.key().id())).isEmpty();
    assertThat(store().listAccessKeys("alice")).singleElement()
        .satisfies(listed -> assertThat(listed.status()).isEqualTo(AccessKeyStatus.INACTIVE));
    store().deleteAccessKey("alice", key.key().id());
    assertThat(store().signingKey(key.key().id())).isEmpty();
  }

  @Test
  void signingKey_anotherKeyFile_doesNotOpenTheSecret() {
    store().createUser("alice");
    NewAccessKey key = store().createAccessKey("alice");
    PrincipalStore otherFile = new PrincipalStore(engine, SecretSealer.lazily(keys.resolve("other.key")),
        Clock.systemUTC(), "123456789012");

    assertThatThrownBy(() -> otherFile.signingKey(key.key().id())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open with the key file " + keys.resolve("other.key"));
  }

  @Test
  void deleteUser_withKeys_isRefusedUntilTheyAreDeleted() {
    store().createUser("alice");
    NewAccessKey key = store().createAccessKey("alice");

    assertThatThrownBy(() -> store().deleteUser("alice"))
        .hasMessage("Cannot delete entity, must delete access keys first.");
    store().deleteAccessKey("alice", key.key().id());
    store().deleteUser("alice");
    assertThat(store().hasUsers()).isFalse();
  }

  @Test
  void keyOperations_otherUsersKey_isNotFound() {
    store().createUser("alice");
    store().createUser("bob");
    NewAccessKey key = store().createAccessKey("alice");

    assertThatThrownBy(() -> store().deleteAccessKey("bob", key.key().id()))
        .hasMessage("The Access Key with id " + key.key().id() + " cannot be found.");
    assertThatThrownBy(() -> store().listAccessKeys("carol")).hasMessage("The user with name carol cannot be found.");
  }

  @Test
  void everyChange_raisesTheVersion_andTellsTheListeners() {
    AtomicInteger told = new AtomicInteger();
    store().onChange(told::incrementAndGet);
    long before = store().version();

    store().createUser("alice");
    store().createAccessKey("alice");

    assertThat(store().version()).isEqualTo(before + 2);
    assertThat(told).hasValue(2);
  }

  private static final String LIST_TABLES = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":"
      + "\"dynamodb:ListTables\",\"Resource\":\"*\"}}";

  @Test
  void groupPolicy_appliesToEachMember_besideItsOwn_untilRemoved() {
    store().createUser("alice", false);
    store().createUser("bob", false);
    store().putUserPolicy("alice", "own", PrincipalStore.ADMINISTRATOR_POLICY);
    IamGroup readers = store().createGroup("readers");
    store().putGroupPolicy("readers", "list", LIST_TABLES);
    store().addUserToGroup("readers", "alice");
    store().addUserToGroup("readers", "bob");

    assertThat(readers.arn()).isEqualTo("arn:aws:iam::123456789012:group/readers");
    assertThat(store().group("readers").members()).containsExactly("alice", "bob");
    assertThat(store().access().get("alice").policies()).containsOnlyKeys("own", "group:readers/list");
    assertThat(store().access().get("bob").policies()).containsExactly(Map.entry("group:readers/list", LIST_TABLES));
    assertThat(store().userPolicies("bob")).as("a user's own policies").isEmpty();

    store().removeUserFromGroup("readers", "bob");
    assertThat(store().access()).doesNotContainKey("bob");
  }

  @Test
  void groups_deletedOrLeftOutOfOrder_areRefusedWithIamsMessages() {
    store().createUser("alice", false);
    store().createGroup("readers");
    store().addUserToGroup("readers", "alice");
    store().putGroupPolicy("readers", "list", LIST_TABLES);

    assertThatThrownBy(() -> store().createGroup("readers")).hasMessage("Group with name readers already exists.");
    assertThatThrownBy(() -> store().deleteUser("alice"))
        .hasMessage("Cannot delete entity, must remove users from group first.");
    assertThatThrownBy(() -> store().deleteGroup("readers"))
        .hasMessage("Cannot delete entity, must remove users from group first.");
    store().removeUserFromGroup("readers", "alice");
    assertThatThrownBy(() -> store().deleteGroup("readers"))
        .hasMessage("Cannot delete entity, must delete policies first.");
    assertThatThrownBy(() -> store().deleteGroupPolicy("readers", "none"))
        .hasMessage("The group policy with name none cannot be found.");
    assertThatThrownBy(() -> store().addUserToGroup("writers", "alice"))
        .hasMessage("The group with name writers cannot be found.");
    assertThatThrownBy(() -> store().addUserToGroup("readers", "bob"))
        .hasMessage("The user with name bob cannot be found.");
    store().deleteGroupPolicy("readers", "list");
    store().deleteGroup("readers");
    store().deleteUser("alice");
    assertThat(store().listGroups()).isEmpty();
  }
}
