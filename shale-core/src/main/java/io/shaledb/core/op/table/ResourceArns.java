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

  /** The table an ARN of this server names; an ARN of another region, account or resource type names none. */
  static TableMetadata existingTable(Database db, String arn) {
    if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    String prefix = db.tableArn("");
    String name = arn.startsWith(prefix) ? arn.substring(prefix.length()) : "";
    return db.catalog().find(name).orElseThrow(() -> DynamoException.resourceNotFound(
        "Requested resource not found: ResourcArn: " + arn + " not found"));
  }
}
