package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.server.admin.AdminInputs;
import io.shaledb.server.admin.AdminOperations;
import io.shaledb.server.auth.AccessKey;
import io.shaledb.server.auth.IamGroup;
import io.shaledb.server.auth.IamUser;
import io.shaledb.server.auth.NewAccessKey;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.UserAdministration;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Requests and responses of the admin API: IAM's members and shapes (CreateUser's {@code User}, CreateAccessKey's
 * {@code AccessKey}, ListAccessKeys' {@code AccessKeyMetadata}, ...) and STS's GetSessionToken {@code Credentials},
 * in JSON. Lists are answered whole ({@code IsTruncated} false).
 */
public final class AdminJson {
  private AdminJson() {}

  public static AdminInputs.CreateUser readCreateUser(JsonInput in) throws IOException {
    String userName = null;
    Boolean administratorAccess = null;
    Boolean createAccessKey = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "UserName" -> userName = in.readString();
        case "AdministratorAccess" -> administratorAccess = in.readBoolean();
        case "CreateAccessKey" -> createAccessKey = in.readBoolean();
        default -> in.skipValue();
      }
    }
    return new AdminInputs.CreateUser(userName, administratorAccess, createAccessKey);
  }

  public static AdminInputs.OfUser readOfUser(JsonInput in) throws IOException {
    String userName = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals("UserName")) {
        userName = in.readString();
      } else {
        in.skipValue();
      }
    }
    return new AdminInputs.OfUser(userName);
  }

  /** ListUsers' and ListGroups' request, whose members (paging, path prefixes) are not used. */
  public static AdminInputs.ListAll readListAll(JsonInput in) throws IOException {
    in.beginRequest();
    while (in.nextField()) {
      in.skipValue();
    }
    return new AdminInputs.ListAll();
  }

  public static AdminInputs.OfGroup readOfGroup(JsonInput in) throws IOException {
    String groupName = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals("GroupName")) {
        groupName = in.readString();
      } else {
        in.skipValue();
      }
    }
    return new AdminInputs.OfGroup(groupName);
  }

  /** AddUserToGroup's and RemoveUserFromGroup's request. */
  public static AdminInputs.GroupMember readGroupMember(JsonInput in) throws IOException {
    String groupName = null;
    String userName = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "GroupName" -> groupName = in.readString();
        case "UserName" -> userName = in.readString();
        default -> in.skipValue();
      }
    }
    return new AdminInputs.GroupMember(groupName, userName);
  }

  /** PutGroupPolicy's and DeleteGroupPolicy's request. */
  public static AdminInputs.GroupPolicy readGroupPolicy(JsonInput in) throws IOException {
    String groupName = null;
    String policyName = null;
    String document = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "GroupName" -> groupName = in.readString();
        case "PolicyName" -> policyName = in.readString();
        case "PolicyDocument" -> document = in.readString();
        default -> in.skipValue();
      }
    }
    return new AdminInputs.GroupPolicy(groupName, policyName, document);
  }

  /** CreateGroup's answer. */
  public static void writeNewGroup(JsonGenerator g, IamGroup group) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Group");
    writeGroup(g, group);
    g.writeEndObject();
  }

  public static void writeGroups(JsonGenerator g, List<IamGroup> groups) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Groups");
    for (IamGroup group : groups) {
      writeGroup(g, group);
    }
    g.writeEndArray();
    g.writeBooleanField("IsTruncated", false);
    g.writeEndObject();
  }

  /** GetGroup's answer: the group and its members, each named with its ARN. */
  public static void writeGroupWithMembers(JsonGenerator g, IamGroup group) throws IOException {
    g.writeStartObject();
    g.writeFieldName("Group");
    writeGroup(g, group);
    g.writeArrayFieldStart("Users");
    for (String member : group.members()) {
      g.writeStartObject();
      g.writeStringField("Path", "/");
      g.writeStringField("UserName", member);
      g.writeStringField("Arn", "arn:aws:iam::" + group.accountId() + ":user/" + member);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("IsTruncated", false);
    g.writeEndObject();
  }

  private static void writeGroup(JsonGenerator g, IamGroup group) throws IOException {
    g.writeStartObject();
    g.writeStringField("Path", "/");
    g.writeStringField("GroupName", group.name());
    g.writeStringField("Arn", group.arn());
    TableJson.writeInstant(g, "CreateDate", group.created());
    g.writeEndObject();
  }

  /** UpdateAccessKey's and DeleteAccessKey's request. */
  public static AdminInputs.AccessKey readAccessKey(JsonInput in) throws IOException {
    String userName = null;
    String accessKeyId = null;
    String status = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "UserName" -> userName = in.readString();
        case "AccessKeyId" -> accessKeyId = in.readString();
        case "Status" -> status = in.readString();
        default -> in.skipValue();
      }
    }
    return new AdminInputs.AccessKey(userName, accessKeyId, status);
  }

  /** PutUserPolicy's, GetUserPolicy's and DeleteUserPolicy's request. */
  public static AdminInputs.UserPolicy readUserPolicy(JsonInput in) throws IOException {
    String userName = null;
    String policyName = null;
    String document = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "UserName" -> userName = in.readString();
        case "PolicyName" -> policyName = in.readString();
        case "PolicyDocument" -> document = in.readString();
        default -> in.skipValue();
      }
    }
    return new AdminInputs.UserPolicy(userName, policyName, document);
  }

  /** TagUser's request: IAM's {@code Tags}, a list of {@code Key} and {@code Value}. */
  public static AdminInputs.TagUser readTagUser(JsonInput in) throws IOException {
    String userName = null;
    Map<String, String> tags = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "UserName" -> userName = in.readString();
        case "Tags" -> {
          List<Map.Entry<String, String>> pairs = in.readList(r -> TableJson.readPair(r, "Key", "Value",
              (key, value) -> Map.entry(String.valueOf(key), String.valueOf(value))));
          if (pairs != null) {
            tags = new LinkedHashMap<>();
            for (Map.Entry<String, String> pair : pairs) {
              tags.put(pair.getKey(), pair.getValue());
            }
          }
        }
        default -> in.skipValue();
      }
    }
    return new AdminInputs.TagUser(userName, tags);
  }

  public static AdminInputs.GetSessionToken readGetSessionToken(JsonInput in) throws IOException {
    Long duration = null;
    in.beginRequest();
    while (in.nextField()) {
      if (in.fieldName().equals("DurationSeconds")) {
        duration = in.readLong();
      } else {
        in.skipValue();
      }
    }
    return new AdminInputs.GetSessionToken(duration);
  }

  /** CreateUser's answer: the user, and its access key when one was made with it. */
  public static void writeNewUser(JsonGenerator g, UserAdministration.NewUser created) throws IOException {
    g.writeStartObject();
    g.writeFieldName("User");
    writeUser(g, created.user());
    if (created.key() != null) {
      g.writeFieldName("AccessKey");
      writeKey(g, created.key().key(), created.key().secret());
    }
    g.writeEndObject();
  }

  public static void writeUsers(JsonGenerator g, List<IamUser> users) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Users");
    for (IamUser user : users) {
      writeUser(g, user);
    }
    g.writeEndArray();
    g.writeBooleanField("IsTruncated", false);
    g.writeEndObject();
  }

  public static void writeNewAccessKey(JsonGenerator g, NewAccessKey created) throws IOException {
    g.writeStartObject();
    g.writeFieldName("AccessKey");
    writeKey(g, created.key(), created.secret());
    g.writeEndObject();
  }

  public static void writeAccessKeys(JsonGenerator g, List<AccessKey> keys) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("AccessKeyMetadata");
    for (AccessKey key : keys) {
      writeKey(g, key, null);
    }
    g.writeEndArray();
    g.writeBooleanField("IsTruncated", false);
    g.writeEndObject();
  }

  public static void writeUserPolicy(JsonGenerator g, AdminOperations.UserPolicy policy) throws IOException {
    g.writeStartObject();
    g.writeStringField("UserName", policy.userName());
    g.writeStringField("PolicyName", policy.policyName());
    g.writeStringField("PolicyDocument", policy.policyDocument());
    g.writeEndObject();
  }

  public static void writePolicyNames(JsonGenerator g, List<String> names) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("PolicyNames");
    for (String name : names) {
      g.writeString(name);
    }
    g.writeEndArray();
    g.writeBooleanField("IsTruncated", false);
    g.writeEndObject();
  }

  /** GetSessionToken's answer, as STS's: {@code Credentials} with the session's key, secret, token and expiration. */
  public static void writeSessionCredentials(JsonGenerator g, PrincipalStore.SessionCredentials credentials)
      throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Credentials");
    g.writeStringField("AccessKeyId", credentials.accessKeyId());
    g.writeStringField("SecretAccessKey", credentials.secret());
    g.writeStringField("SessionToken", credentials.token());
    TableJson.writeInstant(g, "Expiration", credentials.expiration());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeUser(JsonGenerator g, IamUser user) throws IOException {
    g.writeStartObject();
    g.writeStringField("Path", "/");
    g.writeStringField("UserName", user.name());
    g.writeStringField("Arn", user.arn());
    TableJson.writeInstant(g, "CreateDate", user.created());
    g.writeEndObject();
  }

  /** An access key as IAM lists it; with its secret only in the answer that created it. */
  private static void writeKey(JsonGenerator g, AccessKey key, @Nullable String secret)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("UserName", key.userName());
    g.writeStringField("AccessKeyId", key.id());
    g.writeStringField("Status", key.status().display());
    if (secret != null) {
      g.writeStringField("SecretAccessKey", secret);
    }
    TableJson.writeInstant(g, "CreateDate", key.created());
    g.writeEndObject();
  }
}
