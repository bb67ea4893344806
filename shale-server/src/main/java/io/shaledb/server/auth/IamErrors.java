package io.shaledb.server.auth;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;

/**
 * IAM's errors for the principal store's changes, in IAM's words (the IAM API reference's error lists for CreateUser,
 * DeleteUser, CreateAccessKey, PutUserPolicy and the group operations, and the messages IAM answers): the admin API
 * returns them as they are, the command line prints their message.
 */
final class IamErrors {
  private IamErrors() {}

  static DynamoException noSuchUser(String name) {
    return new DynamoException(ErrorCode.NO_SUCH_ENTITY, "The user with name " + name + " cannot be found.");
  }

  static DynamoException noSuchKey(String accessKeyId) {
    return new DynamoException(ErrorCode.NO_SUCH_ENTITY,
        "The Access Key with id " + accessKeyId + " cannot be found.");
  }

  static DynamoException noSuchPolicy(String policyName) {
    return new DynamoException(ErrorCode.NO_SUCH_ENTITY,
        "The user policy with name " + policyName + " cannot be found.");
  }

  static DynamoException userExists(String name) {
    return new DynamoException(ErrorCode.ENTITY_ALREADY_EXISTS, "User with name " + name + " already exists.");
  }

  static DynamoException quota(String quota, int limit) {
    return new DynamoException(ErrorCode.IAM_LIMIT_EXCEEDED, "Cannot exceed quota for " + quota + ": " + limit);
  }

  static DynamoException keysFirst() {
    return new DynamoException(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete access keys first.");
  }

  static DynamoException invalidName(String member) {
    return new DynamoException(ErrorCode.INVALID_INPUT, "The specified value for " + member + " is invalid. It must"
        + " contain only alphanumeric characters and/or the following: +=,.@_-");
  }

  static DynamoException malformedPolicy(String message) {
    return new DynamoException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
  }

  /** @param entity {@code user} or {@code group} */
  static DynamoException policySize(int limit, String entity, String name) {
    return new DynamoException(ErrorCode.IAM_LIMIT_EXCEEDED,
        "Maximum policy size of " + limit + " bytes exceeded for " + entity + " " + name);
  }

  static DynamoException noSuchGroup(String name) {
    return new DynamoException(ErrorCode.NO_SUCH_ENTITY, "The group with name " + name + " cannot be found.");
  }

  static DynamoException noSuchGroupPolicy(String policyName) {
    return new DynamoException(ErrorCode.NO_SUCH_ENTITY,
        "The group policy with name " + policyName + " cannot be found.");
  }

  static DynamoException groupExists(String name) {
    return new DynamoException(ErrorCode.ENTITY_ALREADY_EXISTS, "Group with name " + name + " already exists.");
  }

  /** A user deleted while in a group, or a group deleted while it has members. */
  static DynamoException groupsFirst() {
    return new DynamoException(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must remove users from group first.");
  }

  static DynamoException policiesFirst() {
    return new DynamoException(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
  }
}
