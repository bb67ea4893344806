package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.validate.ConstraintViolations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules of resource-based policies, shared by CreateTable and the policy operations
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html). ShaleDB stores a
 * policy with its revision id and answers for it as DynamoDB does; the server's access control enforces it.
 */
final class ResourcePolicies {
  /** DynamoDB's bound on a policy document, counted in bytes with its whitespace. */
  static final int MAX_BYTES = 20 * 1024;
  /** The ExpectedRevisionId that asks for a policy to be attached only where there is none. */
  static final String NO_POLICY = "NO_POLICY";

  private ResourcePolicies() {}

  static void checkDeclared(ConstraintViolations v, @Nullable String expectedRevisionId) {
    if (expectedRevisionId != null) {
      v.length("expectedRevisionId", expectedRevisionId, 1, 255);
    }
  }

  static void checkDocument(String document) {
    if (document.isBlank()) {
      throw DynamoException.validation("Invalid policy document: the policy is empty");
    }
    if (document.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw DynamoException.validation("Resource-based policy size exceeds the maximum allowed size of 20 KB");
    }
  }

  /**
   * The policy that replaces {@code current}: the same revision when the document is the same (PutResourcePolicy is
   * idempotent), otherwise a new revision id, the time in milliseconds as DynamoDB's look, above the last one.
   */
  static ResourcePolicy next(Optional<ResourcePolicy> current, String document, Instant now) {
    if (current.isPresent() && current.get().document().equals(document)) {
      return current.get();
    }
    long revision = now.toEpochMilli();
    if (current.isPresent()) {
      revision = Math.max(revision, Long.parseLong(current.get().revisionId()) + 1);
    }
    return new ResourcePolicy(document, Long.toString(revision));
  }

  /** Refuses the change when {@code expected} does not name the table's current policy ({@link #NO_POLICY}: none). */
  static void checkExpected(@Nullable String expected, Optional<ResourcePolicy> current, String arn) {
    if (expected == null) {
      return;
    }
    if (current.isEmpty()) {
      if (!expected.equals(NO_POLICY)) {
        throw notFound(arn);
      }
    } else if (!expected.equals(current.get().revisionId())) {
      throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, "Resource-based policy not found for the provided"
          + " ResourceArn: Requested update for policy with revision id " + expected + ", but the policy associated"
          + " to target table " + tableName(arn) + " has revision id " + current.get().revisionId() + ".");
    }
  }

  static DynamoException notFound(String arn) {
    return new DynamoException(ErrorCode.POLICY_NOT_FOUND,
        "Resource-based policy not found for the provided ResourceArn: " + arn);
  }

  private static String tableName(String arn) {
    return arn.substring(arn.indexOf(":table/") + ":table/".length());
  }
}
