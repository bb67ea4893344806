package io.shaledb.server.auth;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.SystemKeyspace.Kind;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import io.shaledb.server.policy.PolicyParser;
import io.shaledb.server.policy.UserAccess;
import io.shaledb.server.policy.UserDirectory;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Users, their access keys, and their inline policies and tags, in the system keyspace ({@link Kind#USER},
 * {@link Kind#ACCESS_KEY}, {@link Kind#USER_ACCESS}). Every change is
 * one storage transaction that also raises the store's version ({@link Kind#PRINCIPALS_VERSION}), so concurrent
 * changes commit one at a time and a process that caches keys can tell its cache is stale; it then runs the
 * listeners given at construction, so verifiers in this process forget what they cached at once.
 *
 * <p>Limits and messages are IAM's: user names of 1 to 64 characters from {@code [A-Za-z0-9+=,.@_-]}, at most two
 * access keys per user, and a user is deleted only once its keys are.
 */
public final class PrincipalStore implements UserDirectory, UserAdministration {
  /** IAM's limit of access keys per user. */
  public static final int MAX_KEYS_PER_USER = 2;
  private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  /** IAM's bound on a user's inline policies, counted in characters without whitespace. */
  private static final int MAX_INLINE_POLICY_CHARACTERS = 2048;
  /** IAM's bound on a group's inline policies, counted as a user's are. */
  private static final int MAX_GROUP_POLICY_CHARACTERS = 5120;
  /** IAM's limit of groups a user is in. */
  private static final int MAX_GROUPS_PER_USER = 10;
  private static final Pattern GROUP_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  /** How a group's policy is named among a member's policies: apart from the member's own names. */
  private static final String GROUP_POLICY = "group:";
  /** IAM's limit of tags per user. */
  private static final int MAX_TAGS_PER_USER = 50;
  /** The inline policy a user gets unless made without one: everything, as before policies were enforced. */
  public static final String ADMINISTRATOR_POLICY_NAME = "AdministratorAccess";
  public static final String ADMINISTRATOR_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int MAX_ATTEMPTS = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StorageEngine engine;
  private final Supplier<SecretSealer> sealer;
  private final Clock clock;
  private final String accountId;
  private final List<Runnable> onChange = new CopyOnWriteArrayList<>();

  /**
   * @param sealer the key file's sealer, asked for only when a secret is sealed or opened: a store without keys
   *     needs no key file
   */
  public PrincipalStore(StorageEngine engine, Supplier<SecretSealer> sealer, Clock clock, String accountId) {
    this.engine = engine;
    this.sealer = sealer;
    this.clock = clock;
    this.accountId = accountId;
  }

  /** Runs {@code listener} after every change this store commits. */
  @Override
  public void onChange(Runnable listener) {
    onChange.add(listener);
  }

  /**
   * A user with an access key that verifies requests: the key's user and its secret.
   *
   * @param expiration when session credentials stop working; null for a user's own access key
   */
  public record SigningKey(AccessKey key, IamUser user, String secret, @Nullable Instant expiration) {}

  /** Session credentials, as STS's GetSessionToken returns them. */
  public record SessionCredentials(String accessKeyId, String secret, String token, Instant expiration) {}

  /** A new user with the {@link #ADMINISTRATOR_POLICY}, so that a user made as before policies may do what it did. */
  public IamUser createUser(String name) {
    return createUser(name, true);
  }

  /**
   * A new user; without {@code administrator}, one with no policy, which may do nothing until one is attached
   * (IAM's default deny).
   */
  public IamUser createUser(String name, boolean administrator) {
    return createUser(name, administrator, false).user();
  }

  @Override
  public NewUser createUser(String name, boolean administrator, boolean withKey) {
    if (!USER_NAME.matcher(name).matches()) {
      throw IamErrors.invalidName("userName");
    }
    String secret = random(SECRET_ALPHABET, 40);
    return change(tx -> {
      if (tx.get(SystemKeyspace.user(name)) != null) {
        throw IamErrors.userExists(name);
      }
      IamUser user = new IamUser(name, accountId, clock.instant());
      tx.put(SystemKeyspace.user(name), PrincipalRecords.encode(user));
      if (administrator) {
        tx.put(SystemKeyspace.userAccess(name), PrincipalRecords.encode(
            UserAccess.NONE.withPolicy(ADMINISTRATOR_POLICY_NAME, ADMINISTRATOR_POLICY)));
      }
      return new NewUser(user, withKey ? putKey(tx, name, secret) : null);
    });
  }

  @Override
  public List<IamUser> listUsers() {
    return read(snapshot -> {
      List<IamUser> users = new ArrayList<>();
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(Kind.USER), false)) {
        while (cursor.next()) {
          users.add(PrincipalRecords.decodeUser(SystemKeyspace.text(cursor.key()), cursor.value()));
        }
      }
      return users;
    });
  }

  /** Whether any user exists: then every request must be signed by one of their keys. */
  public boolean hasUsers() {
    return read(snapshot -> {
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(Kind.USER), false)) {
        return cursor.next();
      }
    });
  }

  @Override
  public void deleteUser(String name) {
    change(tx -> {
      requireUser(tx, name);
      if (!keysOf(tx, name).isEmpty()) {
        throw IamErrors.keysFirst();
      }
      if (!groupsOf(tx, name).isEmpty()) {
        throw IamErrors.groupsFirst();
      }
      tx.delete(SystemKeyspace.user(name));
      tx.delete(SystemKeyspace.userAccess(name));
      return true;
    });
  }

  /** A new active key of {@code userName}, with its secret, which is not shown again. */
  @Override
  public NewAccessKey createAccessKey(String userName) {
    String secret = random(SECRET_ALPHABET, 40);
    return change(tx -> {
      requireUser(tx, userName);
      if (keysOf(tx, userName).size() >= MAX_KEYS_PER_USER) {
        throw IamErrors.quota("AccessKeysPerUser", MAX_KEYS_PER_USER);
      }
      return putKey(tx, userName, secret);
    });
  }

  private NewAccessKey putKey(Transaction tx, String userName, String secret) {
    String id = "AKIA" + random(KEY_ID_ALPHABET, 16);
    while (tx.get(SystemKeyspace.accessKey(id)) != null) {
      id = "AKIA" + random(KEY_ID_ALPHABET, 16);
    }
    AccessKey key = new AccessKey(id, userName, AccessKeyStatus.ACTIVE, clock.instant());
    tx.put(SystemKeyspace.accessKey(id), PrincipalRecords.encode(key, sealer.get().seal(id, secret)));
    return new NewAccessKey(key, secret);
  }

  @Override
  public List<AccessKey> listAccessKeys(String userName) {
    return read(snapshot -> {
      requireUser(snapshot, userName);
      return keysOf(snapshot, userName).stream().map(PrincipalRecords.StoredKey::key).toList();
    });
  }

  @Override
  public void setStatus(String userName, String accessKeyId, AccessKeyStatus status) {
    change(tx -> {
      PrincipalRecords.StoredKey stored = requireKey(tx, userName, accessKeyId);
      AccessKey key = stored.key();
      tx.put(SystemKeyspace.accessKey(accessKeyId), PrincipalRecords.encode(
          new AccessKey(key.id(), key.userName(), status, key.created()), stored.sealedSecret()));
      return true;
    });
  }

  @Override
  public void deleteAccessKey(String userName, String accessKeyId) {
    change(tx -> {
      requireKey(tx, userName, accessKeyId);
      tx.delete(SystemKeyspace.accessKey(accessKeyId));
      return true;
    });
  }

  /** The active key {@code accessKeyId} with its secret opened, or empty when no active key has that id. */
  public Optional<SigningKey> signingKey(String accessKeyId) {
    return read(snapshot -> {
      byte[] value = snapshot.get(SystemKeyspace.accessKey(accessKeyId));
      if (value == null) {
        return Optional.empty();
      }
      PrincipalRecords.StoredKey stored = PrincipalRecords.decodeKey(accessKeyId, value);
      byte[] user = snapshot.get(SystemKeyspace.user(stored.key().userName()));
      if (stored.key().status() != AccessKeyStatus.ACTIVE || user == null) {
        return Optional.empty();
      }
      return Optional.of(new SigningKey(stored.key(),
          PrincipalRecords.decodeUser(stored.key().userName(), user),
          sealer.get().open(accessKeyId, stored.sealedSecret()), null));
    });
  }

  /**
   * New session credentials of {@code userName}, valid for {@code duration}: an {@code ASIA} access key id, a secret
   * and a token holding both, sealed ({@link SessionTokens}), so nothing is stored. Requests signed with them act
   * for the user, with its policies, until they expire or the user is deleted.
   */
  public SessionCredentials issueSession(String userName, Duration duration) {
    IamUser user = read(snapshot -> {
      requireUser(snapshot, userName);
      return PrincipalRecords.decodeUser(userName, Objects.requireNonNull(snapshot.get(SystemKeyspace.user(userName))));
    });
    String id = "ASIA" + random(KEY_ID_ALPHABET, 16);
    String secret = random(SECRET_ALPHABET, 40);
    Instant expiration = clock.instant().plus(duration).truncatedTo(ChronoUnit.SECONDS);
    String token = SessionTokens.seal(sealer.get(), id, new SessionTokens.Session(user.name(), expiration, secret));
    return new SessionCredentials(id, secret, token, expiration);
  }

  /**
   * The session credentials {@code token} holds, when it was issued for {@code accessKeyId} with this key file and
   * its user still exists; expired ones too, which the verifier refuses with their own error.
   */
  public Optional<SigningKey> sessionKey(String accessKeyId, String token) {
    return SessionTokens.open(sealer.get(), accessKeyId, token).flatMap(session -> read(snapshot -> {
      byte[] user = snapshot.get(SystemKeyspace.user(session.userName()));
      if (user == null) {
        return Optional.empty();
      }
      IamUser owner = PrincipalRecords.decodeUser(session.userName(), user);
      return Optional.of(new SigningKey(new AccessKey(accessKeyId, owner.name(), AccessKeyStatus.ACTIVE,
          session.expiration()), owner, session.secret(), session.expiration()));
    }));
  }

  /**
   * Adds or replaces the inline policy {@code policyName} of {@code userName}, as IAM's PutUserPolicy does.
   *
   * @throws io.shaledb.core.error.DynamoException IAM's error for a bad name or a malformed document
   */
  @Override
  public void putUserPolicy(String userName, String policyName, String document) {
    checkPolicy(policyName, document);
    changeAccess(userName, access -> {
      UserAccess changed = access.withPolicy(policyName, document);
      if (characters(changed.policies()) > MAX_INLINE_POLICY_CHARACTERS) {
        throw IamErrors.policySize(MAX_INLINE_POLICY_CHARACTERS, "user", userName);
      }
      return changed;
    });
  }

  /** IAM's checks of an inline policy's name and document. */
  private static void checkPolicy(String policyName, String document) {
    if (!POLICY_NAME.matcher(policyName).matches()) {
      throw IamErrors.invalidName("policyName");
    }
    try {
      PolicyParser.parse(document, PolicyParser.Kind.IDENTITY);
    } catch (IllegalArgumentException e) {
      throw IamErrors.malformedPolicy(String.valueOf(e.getMessage()));
    }
  }

  /** The size IAM bounds inline policies by: their characters but whitespace. */
  private static int characters(Map<String, String> policies) {
    return policies.values().stream()
        .mapToInt(text -> (int) text.chars().filter(c -> !Character.isWhitespace(c)).count()).sum();
  }

  @Override
  public void deleteUserPolicy(String userName, String policyName) {
    changeAccess(userName, access -> {
      if (!access.policies().containsKey(policyName)) {
        throw IamErrors.noSuchPolicy(policyName);
      }
      return access.withoutPolicy(policyName);
    });
  }

  /** A user's inline policies, by name, with their documents. */
  public Map<String, String> userPolicies(String userName) {
    return userAccess(userName).policies();
  }

  @Override
  public String userPolicy(String userName, String policyName) {
    String document = userPolicies(userName).get(policyName);
    if (document == null) {
      throw IamErrors.noSuchPolicy(policyName);
    }
    return document;
  }

  @Override
  public List<String> userPolicyNames(String userName) {
    return List.copyOf(new TreeSet<>(userPolicies(userName).keySet()));
  }

  /** Adds or replaces tags of {@code userName}, which policies read as {@code aws:PrincipalTag/<key>}. */
  @Override
  public void tagUser(String userName, Map<String, String> tags) {
    changeAccess(userName, access -> {
      UserAccess changed = access.withTags(tags);
      if (changed.tags().size() > MAX_TAGS_PER_USER) {
        throw IamErrors.quota("TagsPerUser", MAX_TAGS_PER_USER);
      }
      return changed;
    });
  }

  public void untagUser(String userName, List<String> keys) {
    changeAccess(userName, access -> access.withoutTags(keys));
  }

  public Map<String, String> userTags(String userName) {
    return userAccess(userName).tags();
  }

  private UserAccess userAccess(String userName) {
    return read(snapshot -> {
      requireUser(snapshot, userName);
      return accessOf(snapshot, userName);
    });
  }

  /**
   * Every user's policies and tags, with the policies of the groups it is in among its own (named {@code
   * group:<group>/<policy>}, apart from its own names), since a member is authorized by both.
   */
  @Override
  public Map<String, UserAccess> access() {
    return read(snapshot -> {
      Map<String, UserAccess> access = new HashMap<>();
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(Kind.USER_ACCESS), false)) {
        while (cursor.next()) {
          access.put(SystemKeyspace.text(cursor.key()), PrincipalRecords.decodeAccess(cursor.value()));
        }
      }
      for (IamGroup group : groups(snapshot)) {
        for (String member : group.members()) {
          group.policies().forEach((name, document) -> access.merge(member,
              UserAccess.NONE.withPolicy(GROUP_POLICY + group.name() + "/" + name, document),
              (own, added) -> own.withPolicy(GROUP_POLICY + group.name() + "/" + name, document)));
        }
      }
      return access;
    });
  }

  /** A new group, without members or policies. */
  @Override
  public IamGroup createGroup(String name) {
    if (!GROUP_NAME.matcher(name).matches()) {
      throw IamErrors.invalidName("groupName");
    }
    return change(tx -> {
      if (tx.get(SystemKeyspace.group(name)) != null) {
        throw IamErrors.groupExists(name);
      }
      IamGroup group = new IamGroup(name, accountId, clock.instant(), List.of(), Map.of());
      tx.put(SystemKeyspace.group(name), PrincipalRecords.encode(group));
      return group;
    });
  }

  /** Deletes a group that has no members and no policies left, as IAM requires. */
  @Override
  public void deleteGroup(String name) {
    change(tx -> {
      IamGroup group = requireGroup(tx, name);
      if (!group.members().isEmpty()) {
        throw IamErrors.groupsFirst();
      }
      if (!group.policies().isEmpty()) {
        throw IamErrors.policiesFirst();
      }
      tx.delete(SystemKeyspace.group(name));
      return true;
    });
  }

  @Override
  public List<IamGroup> listGroups() {
    return read(PrincipalStore::groups);
  }

  @Override
  public IamGroup group(String name) {
    return read(snapshot -> requireGroup(snapshot, name));
  }

  @Override
  public void addUserToGroup(String groupName, String userName) {
    change(tx -> {
      IamGroup group = requireGroup(tx, groupName);
      requireUser(tx, userName);
      if (!group.members().contains(userName) && groupsOf(tx, userName).size() >= MAX_GROUPS_PER_USER) {
        throw IamErrors.quota("GroupsPerUser", MAX_GROUPS_PER_USER);
      }
      TreeSet<String> members = new TreeSet<>(group.members());
      members.add(userName);
      putGroup(tx, group, List.copyOf(members), group.policies());
      return true;
    });
  }

  @Override
  public void removeUserFromGroup(String groupName, String userName) {
    change(tx -> {
      IamGroup group = requireGroup(tx, groupName);
      if (!group.members().contains(userName)) {
        throw IamErrors.noSuchUser(userName);
      }
      putGroup(tx, group, group.members().stream().filter(member -> !member.equals(userName)).toList(),
          group.policies());
      return true;
    });
  }

  /** Adds or replaces an inline policy of a group (IAM's PutGroupPolicy); it applies to every member. */
  @Override
  public void putGroupPolicy(String groupName, String policyName, String document) {
    checkPolicy(policyName, document);
    change(tx -> {
      IamGroup group = requireGroup(tx, groupName);
      Map<String, String> policies = new TreeMap<>(group.policies());
      policies.put(policyName, document);
      if (characters(policies) > MAX_GROUP_POLICY_CHARACTERS) {
        throw IamErrors.policySize(MAX_GROUP_POLICY_CHARACTERS, "group", groupName);
      }
      putGroup(tx, group, group.members(), policies);
      return true;
    });
  }

  @Override
  public void deleteGroupPolicy(String groupName, String policyName) {
    change(tx -> {
      IamGroup group = requireGroup(tx, groupName);
      if (!group.policies().containsKey(policyName)) {
        throw IamErrors.noSuchGroupPolicy(policyName);
      }
      Map<String, String> policies = new TreeMap<>(group.policies());
      policies.remove(policyName);
      putGroup(tx, group, group.members(), policies);
      return true;
    });
  }

  private static void putGroup(Transaction tx, IamGroup group, List<String> members, Map<String, String> policies) {
    tx.put(SystemKeyspace.group(group.name()), PrincipalRecords.encode(new IamGroup(group.name(), group.accountId(),
        group.created(), members, policies)));
  }

  private static IamGroup requireGroup(KvReader reader, String name) {
    byte[] value = reader.get(SystemKeyspace.group(name));
    if (value == null) {
      throw IamErrors.noSuchGroup(name);
    }
    return PrincipalRecords.decodeGroup(name, value);
  }

  /** Every group; a scan, since groups are few. */
  private static List<IamGroup> groups(KvReader reader) {
    List<IamGroup> groups = new ArrayList<>();
    try (KvCursor cursor = reader.scan(SystemKeyspace.all(Kind.GROUP), false)) {
      while (cursor.next()) {
        groups.add(PrincipalRecords.decodeGroup(SystemKeyspace.text(cursor.key()), cursor.value()));
      }
    }
    return groups;
  }

  private static List<IamGroup> groupsOf(KvReader reader, String userName) {
    return groups(reader).stream().filter(group -> group.members().contains(userName)).toList();
  }

  private void changeAccess(String userName, UnaryOperator<UserAccess> change) {
    change(tx -> {
      requireUser(tx, userName);
      tx.put(SystemKeyspace.userAccess(userName), PrincipalRecords.encode(change.apply(accessOf(tx, userName))));
      return true;
    });
  }

  private static UserAccess accessOf(KvReader reader, String userName) {
    byte[] value = reader.get(SystemKeyspace.userAccess(userName));
    return value == null ? UserAccess.NONE : PrincipalRecords.decodeAccess(value);
  }

  /**
   * Tells the listeners of a change another process made (seen by the {@link #version}), as this store tells them of
   * its own: whatever this process derived from the store (keys, parsed policies, the verification mode) is then
   * read again.
   */
  public void changedElsewhere() {
    onChange.forEach(Runnable::run);
  }

  /** The store's version: raised by every change, by this process or another sharing the engine. */
  public long version() {
    return read(snapshot -> {
      byte[] value = snapshot.get(SystemKeyspace.principalsVersion());
      return value == null ? 0 : ByteBuffer.wrap(value).getLong();
    });
  }

  private static void requireUser(KvReader reader, String name) {
    if (reader.get(SystemKeyspace.user(name)) == null) {
      throw IamErrors.noSuchUser(name);
    }
  }

  private static PrincipalRecords.StoredKey requireKey(KvReader reader, String userName, String accessKeyId) {
    requireUser(reader, userName);
    byte[] value = reader.get(SystemKeyspace.accessKey(accessKeyId));
    PrincipalRecords.StoredKey stored = value == null ? null : PrincipalRecords.decodeKey(accessKeyId, value);
    if (stored == null || !stored.key().userName().equals(userName)) {
      throw IamErrors.noSuchKey(accessKeyId);
    }
    return stored;
  }

  /** A user's keys; a scan of all keys, which are few (two per user). */
  private static List<PrincipalRecords.StoredKey> keysOf(KvReader reader, String userName) {
    List<PrincipalRecords.StoredKey> keys = new ArrayList<>();
    try (KvCursor cursor = reader.scan(SystemKeyspace.all(Kind.ACCESS_KEY), false)) {
      while (cursor.next()) {
        PrincipalRecords.StoredKey stored = PrincipalRecords.decodeKey(SystemKeyspace.text(cursor.key()),
            cursor.value());
        if (stored.key().userName().equals(userName)) {
          keys.add(stored);
        }
      }
    }
    return keys;
  }

  private <T> T read(Function<KvReader, T> body) {
    try (Snapshot snapshot = engine.snapshot()) {
      return body.apply(snapshot);
    }
  }

  /**
   * Runs {@code body} in a transaction that also raises the version, until it commits; then tells the listeners.
   * Raising the version makes every two changes conflict, so a check (a user's key count) cannot be raced.
   */
  private <T> T change(Function<Transaction, T> body) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = engine.begin()) {
        T result = body.apply(tx);
        byte[] version = tx.get(SystemKeyspace.principalsVersion());
        tx.put(SystemKeyspace.principalsVersion(), ByteBuffer.allocate(Long.BYTES)
            .putLong(version == null ? 1 : ByteBuffer.wrap(version).getLong() + 1).array());
        tx.commit();
        onChange.forEach(Runnable::run);
        return result;
      } catch (WriteConflictException e) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("the principal store is too contended to change");
  }

  private static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
