package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
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

  /**
   * The table an ARN of this server names, as a catalog change sees it; an ARN of another region, account or
   * resource type names none.
   */
  static TableMetadata existingTable(Database db, CatalogTransaction change, String arn) {
    return change.table(tableName(db, arn)).orElseThrow(() -> notFound(arn));
  }

  /** As {@link #existingTable(Database, CatalogTransaction, String)}, from the catalog as committed. */
  static TableMetadata existingTable(Database db, String arn) {
    return db.catalog().find(tableName(db, arn)).orElseThrow(() -> notFound(arn));
  }

  private static String tableName(Database db, String arn) {
    if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    String prefix = db.tableArn("");
    return arn.startsWith(prefix) ? arn.substring(prefix.length()) : "";
  }

  private static DynamoException notFound(String arn) {
    return DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
  }
}
