package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;

/** Resolves the table ARNs that the tagging operations address. */
final class ResourceArns {
  private ResourceArns() {}

  static void checkDeclared(ConstraintViolations v, String arn) {
    v.notNull("resourceArn", arn).length("resourceArn", arn, 1, 1283);
  }

  static TableMetadata table(Database db, String arn) {
    String prefix = "arn:aws:dynamodb:" + db.region() + ":" + Database.ACCOUNT_ID + ":table/";
    if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    String name = arn.startsWith(prefix) ? arn.substring(prefix.length()) : null;
    return name == null ? null : db.catalog().find(name).filter(t -> !name.contains("/")).orElse(null);
  }

  static TableMetadata existingTable(Database db, String arn) {
    TableMetadata table = table(db, arn);
    if (table == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }
    return table;
  }
}
