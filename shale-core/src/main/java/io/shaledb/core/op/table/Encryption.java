package io.shaledb.core.op.table;

import io.shaledb.core.encryption.EncryptedEngine;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Encryption at rest as tables see it: a server with a master key encrypts every table under it, so each is described
 * as DynamoDB describes a table encrypted with a KMS key (SSEDescription ENABLED, KMS, the key's ARN), and a request
 * for KMS encryption ({@code SSESpecification} with {@code Enabled} true) is then granted; without a master key it is
 * refused, as is naming a KMS key of one's own, since ShaleDB has only its master key.
 */
final class Encryption {
  /** The request member the JSON codec lists as unsupported for KMS encryption without a key named. */
  static final String KMS_REQUESTED = "SSESpecification";

  private Encryption() {}

  /** The ARN of the master key, in KMS's form, or null when data is stored in clear. */
  static @Nullable String keyArn(Database db) {
    return db.storage() instanceof EncryptedEngine encrypted
        ? "arn:aws:kms:" + db.region() + ":" + Database.ACCOUNT_ID + ":key/" + encrypted.masterKeyId() : null;
  }

  /**
   * Refuses a request with members ShaleDB does not implement, other than KMS encryption when the server encrypts
   * anyway.
   */
  static void refuseUnsupported(Database db, List<String> features) {
    List<String> unsupported = keyArn(db) == null ? features
        : features.stream().filter(feature -> !feature.equals(KMS_REQUESTED)).toList();
    if (!unsupported.isEmpty()) {
      throw DynamoException.validation("ShaleDB does not support " + String.join(", ", unsupported) + " yet");
    }
  }
}
