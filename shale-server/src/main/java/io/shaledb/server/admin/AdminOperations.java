package io.shaledb.server.admin;

import static io.shaledb.core.validate.Validated.present;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.server.auth.AccessKey;
import io.shaledb.server.auth.AccessKeyStatus;
import io.shaledb.server.auth.IamGroup;
import io.shaledb.server.auth.IamUser;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.UserAdministration;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The admin API's operations over the principal store: IAM's user, access key, group and inline policy operations,
 * and STS's GetSessionToken. Each is the store's change of the same name, so each is one storage transaction; what
 * they may be called by is decided before they run, by the caller's policies ({@link
 * io.shaledb.server.policy.AdminCall}).
 */
public final class AdminOperations {
  /**
   * The X-Amz-Target prefix of the admin API's operations on the DynamoDB endpoint: ShaleDB's own, since IAM's API
   * has no JSON protocol to borrow one from.
   */
  public static final String TARGET_PREFIX = "ShaleDBAdmin_20261205.";
  /** STS's bounds and default for an IAM user's session (GetSessionToken's DurationSeconds). */
  static final long MIN_SESSION_SECONDS = 900;
  static final long MAX_SESSION_SECONDS = 129_600;
  static final long DEFAULT_SESSION_SECONDS = 43_200;

  private final PrincipalStore store;

  public AdminOperations(PrincipalStore store) {
    this.store = store;
  }

  /** GetUserPolicy's answer. */
  public record UserPolicy(String userName, String policyName, String policyDocument) {}

  /** One operation: its declared checks, then its work on the store. */
  private record Call<I, O>(BiConsumer<I, ConstraintViolations> checks, Function<I, O> work)
      implements Operation<I, O> {
    @Override
    public void validate(I input) {
      ConstraintViolations violations = new ConstraintViolations();
      checks.accept(input, violations);
      violations.throwIfAny();
    }

    @Override
    public O execute(I input, RequestContext context) {
      return work.apply(input);
    }
  }

  public Operation<AdminInputs.CreateUser, UserAdministration.NewUser> createUser() {
    return new Call<>((in, v) -> v.notNull("userName", in.userName()),
        in -> store.createUser(present(in.userName()), Boolean.TRUE.equals(in.administratorAccess()),
            Boolean.TRUE.equals(in.createAccessKey())));
  }

  public Operation<AdminInputs.ListAll, List<IamUser>> listUsers() {
    return new Call<>((in, v) -> {}, in -> store.listUsers());
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.OfUser, Void> deleteUser() {
    return new Call<>(AdminOperations::userNamed, in -> {
      store.deleteUser(present(in.userName()));
      return null;
    });
  }

  public Operation<AdminInputs.OfUser, NewAccessKey> createAccessKey() {
    return new Call<>(AdminOperations::userNamed, in -> store.createAccessKey(present(in.userName())));
  }

  public Operation<AdminInputs.OfUser, List<AccessKey>> listAccessKeys() {
    return new Call<>(AdminOperations::userNamed, in -> store.listAccessKeys(present(in.userName())));
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.AccessKey, Void> updateAccessKey() {
    return new Call<>((in, v) -> {
      keyNamed(in, v);
      v.notNull("status", in.status());
      if (in.status() != null && AccessKeyStatus.ofDisplay(in.status()).isEmpty()) {
        v.add("'" + in.status() + "'", "status", "Member must satisfy enum value set: [Active, Inactive]");
      }
    }, in -> {
      store.setStatus(present(in.userName()), present(in.accessKeyId()), AccessKeyStatus.ofDisplay(present(in.status())).orElseThrow());
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.AccessKey, Void> deleteAccessKey() {
    return new Call<>(AdminOperations::keyNamed, in -> {
      store.deleteAccessKey(present(in.userName()), present(in.accessKeyId()));
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.UserPolicy, Void> putUserPolicy() {
    return new Call<>((in, v) -> {
      policyNamed(in, v);
      v.notNull("policyDocument", in.policyDocument());
    }, in -> {
      store.putUserPolicy(present(in.userName()), present(in.policyName()), present(in.policyDocument()));
      return null;
    });
  }

  public Operation<AdminInputs.UserPolicy, UserPolicy> getUserPolicy() {
    return new Call<>(AdminOperations::policyNamed, in -> new UserPolicy(present(in.userName()),
        present(in.policyName()), store.userPolicy(present(in.userName()), present(in.policyName()))));
  }

  public Operation<AdminInputs.OfUser, List<String>> listUserPolicies() {
    return new Call<>(AdminOperations::userNamed, in -> store.userPolicyNames(present(in.userName())));
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.UserPolicy, Void> deleteUserPolicy() {
    return new Call<>(AdminOperations::policyNamed, in -> {
      store.deleteUserPolicy(present(in.userName()), present(in.policyName()));
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.TagUser, Void> tagUser() {
    return new Call<>((in, v) -> {
      v.notNull("userName", in.userName());
      v.notNull("tags", in.tags());
    }, in -> {
      store.tagUser(present(in.userName()), present(in.tags()));
      return null;
    });
  }

  public Operation<AdminInputs.OfGroup, IamGroup> createGroup() {
    return new Call<>(AdminOperations::groupNamed, in -> store.createGroup(present(in.groupName())));
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.OfGroup, Void> deleteGroup() {
    return new Call<>(AdminOperations::groupNamed, in -> {
      store.deleteGroup(present(in.groupName()));
      return null;
    });
  }

  public Operation<AdminInputs.OfGroup, IamGroup> getGroup() {
    return new Call<>(AdminOperations::groupNamed, in -> store.group(present(in.groupName())));
  }

  public Operation<AdminInputs.ListAll, List<IamGroup>> listGroups() {
    return new Call<>((in, v) -> {}, in -> store.listGroups());
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.GroupMember, Void> addUserToGroup() {
    return new Call<>(AdminOperations::memberNamed, in -> {
      store.addUserToGroup(present(in.groupName()), present(in.userName()));
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.GroupMember, Void> removeUserFromGroup() {
    return new Call<>(AdminOperations::memberNamed, in -> {
      store.removeUserFromGroup(present(in.groupName()), present(in.userName()));
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.GroupPolicy, Void> putGroupPolicy() {
    return new Call<>((in, v) -> {
      groupPolicyNamed(in, v);
      v.notNull("policyDocument", in.policyDocument());
    }, in -> {
      store.putGroupPolicy(present(in.groupName()), present(in.policyName()), present(in.policyDocument()));
      return null;
    });
  }

  @SuppressWarnings("NullAway") // Void's only value
  public Operation<AdminInputs.GroupPolicy, Void> deleteGroupPolicy() {
    return new Call<>(AdminOperations::groupPolicyNamed, in -> {
      store.deleteGroupPolicy(present(in.groupName()), present(in.policyName()));
      return null;
    });
  }

  /**
   * GetSessionToken: session credentials for the verified user calling, as STS issues them to IAM users; not to a
   * caller that is already using session credentials, as STS refuses that too.
   */
  public Operation<AdminInputs.GetSessionToken, PrincipalStore.SessionCredentials> getSessionToken() {
    return new Operation<>() {
      @Override
      public void validate(AdminInputs.GetSessionToken in) {
        new ConstraintViolations().range("durationSeconds", in.durationSeconds(), MIN_SESSION_SECONDS,
            MAX_SESSION_SECONDS).throwIfAny();
      }

      @Override
      public PrincipalStore.SessionCredentials execute(AdminInputs.GetSessionToken in, RequestContext context) {
        Principal caller = context.principal();
        String userName = caller.userName();
        if (userName == null) {
          throw new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, "GetSessionToken needs a verified user: no user"
              + " exists, so requests are not authenticated");
        }
        if (caller.accessKeyId().startsWith("ASIA")) {
          throw new DynamoException(ErrorCode.ACCESS_DENIED, "Cannot call GetSessionToken with session credentials");
        }
        long seconds = in.durationSeconds() == null ? DEFAULT_SESSION_SECONDS : in.durationSeconds();
        return store.issueSession(userName, Duration.ofSeconds(seconds));
      }
    };
  }

  private static void groupNamed(AdminInputs.OfGroup in, ConstraintViolations v) {
    v.notNull("groupName", in.groupName());
  }

  private static void memberNamed(AdminInputs.GroupMember in, ConstraintViolations v) {
    v.notNull("groupName", in.groupName());
    v.notNull("userName", in.userName());
  }

  private static void groupPolicyNamed(AdminInputs.GroupPolicy in, ConstraintViolations v) {
    v.notNull("groupName", in.groupName());
    v.notNull("policyName", in.policyName());
  }

  private static void userNamed(AdminInputs.OfUser in, ConstraintViolations v) {
    v.notNull("userName", in.userName());
  }

  private static void keyNamed(AdminInputs.AccessKey in, ConstraintViolations v) {
    v.notNull("userName", in.userName());
    v.notNull("accessKeyId", in.accessKeyId());
  }

  private static void policyNamed(AdminInputs.UserPolicy in, ConstraintViolations v) {
    v.notNull("userName", in.userName());
    v.notNull("policyName", in.policyName());
  }
}
