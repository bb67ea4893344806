package io.shaledb.server.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.server.auth.AccessKey;
import io.shaledb.server.auth.AccessKeyStatus;
import io.shaledb.server.auth.IamGroup;
import io.shaledb.server.auth.IamUser;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.SigV4Signer;
import io.shaledb.server.auth.UserAdministration;
import io.shaledb.server.json.ClusterJson;
import io.shaledb.server.json.Json;
import io.shaledb.server.json.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The admin API of a running server, called over HTTP with SigV4-signed requests: what {@code shaledb users ...
 * --endpoint URL} uses while a server holds the data directory, and {@code shaledb cluster status}. Errors come back as the server answered them, as
 * {@link DynamoException} with the code its {@code __type} names.
 */
public final class AdminClient implements UserAdministration {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final SigV4Signer.Credentials credentials;
  private final String region;
  private final Clock clock;
  private final HttpClient http;

  public AdminClient(URI endpoint, SigV4Signer.Credentials credentials, String region, Clock clock) {
    this.endpoint = endpoint.getPath().isEmpty() ? endpoint.resolve("/") : endpoint;
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** A request body: the members, written by {@code members}. */
  @FunctionalInterface
  private interface Members {
    void write(JsonGenerator g) throws IOException;
  }

  @Override
  public NewUser createUser(String name, boolean administrator, boolean withKey) {
    Map<?, ?> answer = call("CreateUser", g -> {
      g.writeStringField("UserName", name);
      g.writeBooleanField("AdministratorAccess", administrator);
      g.writeBooleanField("CreateAccessKey", withKey);
    });
    Map<?, ?> key = (Map<?, ?>) answer.get("AccessKey");
    return new NewUser(user(map(answer, "User")), key == null ? null : newKey(key));
  }

  @Override
  public List<IamUser> listUsers() {
    List<IamUser> users = new ArrayList<>();
    for (Object user : list(call("ListUsers", g -> {}), "Users")) {
      users.add(user((Map<?, ?>) user));
    }
    return users;
  }

  @Override
  public void deleteUser(String name) {
    call("DeleteUser", g -> g.writeStringField("UserName", name));
  }

  @Override
  public NewAccessKey createAccessKey(String userName) {
    return newKey(map(call("CreateAccessKey", g -> g.writeStringField("UserName", userName)), "AccessKey"));
  }

  @Override
  public List<AccessKey> listAccessKeys(String userName) {
    List<AccessKey> keys = new ArrayList<>();
    for (Object key : list(call("ListAccessKeys", g -> g.writeStringField("UserName", userName)),
        "AccessKeyMetadata")) {
      keys.add(key((Map<?, ?>) key));
    }
    return keys;
  }

  @Override
  public void setStatus(String userName, String accessKeyId, AccessKeyStatus status) {
    call("UpdateAccessKey", g -> {
      g.writeStringField("UserName", userName);
      g.writeStringField("AccessKeyId", accessKeyId);
      g.writeStringField("Status", status.display());
    });
  }

  @Override
  public void deleteAccessKey(String userName, String accessKeyId) {
    call("DeleteAccessKey", g -> {
      g.writeStringField("UserName", userName);
      g.writeStringField("AccessKeyId", accessKeyId);
    });
  }

  @Override
  public void putUserPolicy(String userName, String policyName, String document) {
    call("PutUserPolicy", g -> {
      g.writeStringField("UserName", userName);
      g.writeStringField("PolicyName", policyName);
      g.writeStringField("PolicyDocument", document);
    });
  }

  @Override
  public String userPolicy(String userName, String policyName) {
    return text(call("GetUserPolicy", g -> {
      g.writeStringField("UserName", userName);
      g.writeStringField("PolicyName", policyName);
    }), "PolicyDocument");
  }

  @Override
  public List<String> userPolicyNames(String userName) {
    List<String> names = new ArrayList<>();
    for (Object name : list(call("ListUserPolicies", g -> g.writeStringField("UserName", userName)),
        "PolicyNames")) {
      names.add(String.valueOf(name));
    }
    return names;
  }

  @Override
  public void deleteUserPolicy(String userName, String policyName) {
    call("DeleteUserPolicy", g -> {
      g.writeStringField("UserName", userName);
      g.writeStringField("PolicyName", policyName);
    });
  }

  @Override
  public void tagUser(String userName, Map<String, String> tags) {
    call("TagUser", g -> {
      g.writeStringField("UserName", userName);
      g.writeArrayFieldStart("Tags");
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        g.writeStartObject();
        g.writeStringField("Key", tag.getKey());
        g.writeStringField("Value", tag.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  @Override
  public IamGroup createGroup(String name) {
    return group(map(call("CreateGroup", g -> g.writeStringField("GroupName", name)), "Group"), List.of());
  }

  @Override
  public void deleteGroup(String name) {
    call("DeleteGroup", g -> g.writeStringField("GroupName", name));
  }

  @Override
  public List<IamGroup> listGroups() {
    List<IamGroup> groups = new ArrayList<>();
    for (Object group : list(call("ListGroups", g -> {}), "Groups")) {
      groups.add(group((Map<?, ?>) group, List.of()));
    }
    return groups;
  }

  @Override
  public IamGroup group(String name) {
    Map<?, ?> answer = call("GetGroup", g -> g.writeStringField("GroupName", name));
    List<String> members = new ArrayList<>();
    for (Object user : list(answer, "Users")) {
      members.add(text((Map<?, ?>) user, "UserName"));
    }
    return group(map(answer, "Group"), members);
  }

  @Override
  public void addUserToGroup(String groupName, String userName) {
    call("AddUserToGroup", g -> {
      g.writeStringField("GroupName", groupName);
      g.writeStringField("UserName", userName);
    });
  }

  @Override
  public void removeUserFromGroup(String groupName, String userName) {
    call("RemoveUserFromGroup", g -> {
      g.writeStringField("GroupName", groupName);
      g.writeStringField("UserName", userName);
    });
  }

  @Override
  public void putGroupPolicy(String groupName, String policyName, String document) {
    call("PutGroupPolicy", g -> {
      g.writeStringField("GroupName", groupName);
      g.writeStringField("PolicyName", policyName);
      g.writeStringField("PolicyDocument", document);
    });
  }

  @Override
  public void deleteGroupPolicy(String groupName, String policyName) {
    call("DeleteGroupPolicy", g -> {
      g.writeStringField("GroupName", groupName);
      g.writeStringField("PolicyName", policyName);
    });
  }

  /** Session credentials for the user whose key this client signs with (GetSessionToken). */
  public PrincipalStore.SessionCredentials sessionToken(@Nullable Long durationSeconds) {
    Map<?, ?> credentials = map(call("GetSessionToken", g -> {
      if (durationSeconds != null) {
        g.writeNumberField("DurationSeconds", durationSeconds);
      }
    }), "Credentials");
    return new PrincipalStore.SessionCredentials(text(credentials, "AccessKeyId"),
        text(credentials, "SecretAccessKey"), text(credentials, "SessionToken"), instant(credentials, "Expiration"));
  }

  /** The cluster the server's storage engine runs on (DescribeCluster). */
  public ClusterStatus clusterStatus() {
    Map<?, ?> answer = call("DescribeCluster", g -> {});
    try {
      return ClusterJson.readClusterStatus(answer);
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      throw new IllegalStateException("the server at " + endpoint + " answered a cluster status this client cannot"
          + " read (" + e.getMessage() + "): " + answer, e);
    }
  }

  /** Calls {@code operation}; its answer, or the error the server answered, thrown. */
  private Map<?, ?> call(String operation, Members members) {
    byte[] body = body(members);
    Map<String, String> headers = SigV4Signer.sign("POST", endpoint, Map.of(
        "content-type", "application/x-amz-json-1.0", "x-amz-target", AdminOperations.TARGET_PREFIX + operation), body,
        credentials, region, "dynamodb", clock.instant());
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the server at " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + endpoint, e);
    }
    Map<?, ?> answer = parse(response.body());
    if (response.statusCode() != 200) {
      throw error(answer, response.statusCode());
    }
    return answer;
  }

  private static byte[] body(Members members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator g = Json.FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      members.write(g);
      g.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  private Map<?, ?> parse(String body) {
    try {
      if (JsonTree.read(body) instanceof Map<?, ?> map) {
        return map;
      }
    } catch (IOException e) {
      // Not the API's JSON: said below.
    }
    throw new IllegalStateException("the server at " + endpoint + " did not answer as ShaleDB's admin API does: "
        + body);
  }

  /** The error the server answered, by the code its {@code __type} names (after any namespace). */
  private static DynamoException error(Map<?, ?> answer, int status) {
    String type = String.valueOf(answer.get("__type"));
    String message = String.valueOf(Objects.requireNonNullElse(answer.get("message"), answer.get("Message")));
    for (ErrorCode code : ErrorCode.values()) {
      if (code.type().equals(type)) {
        return new DynamoException(code, message);
      }
    }
    return new DynamoException(ErrorCode.INTERNAL_FAILURE, "HTTP " + status + " " + type + ": " + message);
  }

  /** A group as the API describes it; its policies are not part of the answer. */
  private static IamGroup group(Map<?, ?> group, List<String> members) {
    return new IamGroup(text(group, "GroupName"), accountOf(text(group, "Arn")), instant(group, "CreateDate"), members,
        Map.of());
  }

  private static IamUser user(Map<?, ?> user) {
    return new IamUser(text(user, "UserName"), accountOf(text(user, "Arn")), instant(user, "CreateDate"));
  }

  /** The account of {@code arn:aws:iam::<account>:user/<name>}. */
  private static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : "";
  }

  private static NewAccessKey newKey(Map<?, ?> key) {
    return new NewAccessKey(key(key), text(key, "SecretAccessKey"));
  }

  private static AccessKey key(Map<?, ?> key) {
    return new AccessKey(text(key, "AccessKeyId"), text(key, "UserName"),
        AccessKeyStatus.ofDisplay(text(key, "Status")).orElseThrow(), instant(key, "CreateDate"));
  }

  private static Map<?, ?> map(Map<?, ?> answer, String member) {
    return (Map<?, ?>) Objects.requireNonNull(answer.get(member), member);
  }

  private static List<?> list(Map<?, ?> answer, String member) {
    return (List<?>) Objects.requireNonNull(answer.get(member), member);
  }

  private static String text(Map<?, ?> answer, String member) {
    return String.valueOf(Objects.requireNonNull(answer.get(member), member));
  }

  /** A timestamp as the API writes it: seconds since the epoch, with milliseconds. */
  private static Instant instant(Map<?, ?> answer, String member) {
    return Instant.ofEpochMilli(new BigDecimal(text(answer, member)).movePointRight(3).longValueExact());
  }
}
