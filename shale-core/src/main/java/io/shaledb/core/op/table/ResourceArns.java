package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.regex.Pattern;

/**
 * Resolves the table ARNs that the tagging operations address. An ARN that is no DynamoDB table's is refused as
 * DynamoDB refuses it (dynalite's tagResource tests, recorded from the service): an index's ARN with the message the
 * service gives it today (ScyllaDB's test_tag.py), anything else as an invalid table ARN; a well-formed table ARN of
 * no table here is not found.
 */
final class ResourceArns {
  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]+:\\d+:table/[^/]{3,}");
  private static final Pattern INDEX_ARN = Pattern.compile(TABLE_ARN.pattern() + "/index/[^/]+");

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

  /** Refuses an ARN that names no table at all, before anything else about the request is looked at. */
  static void checkFormat(String arn) {
    if (INDEX_ARN.matcher(arn).matches()) {
      throw DynamoException.validation("One or more parameter values were invalid: Invalid resource arn provided,"
          + " only table or stream is accepted. Provided resource arn: " + arn);
    }
    if (!TABLE_ARN.matcher(arn).matches()) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
  }

  private static String tableName(Database db, String arn) {
    checkFormat(arn);
    String prefix = db.tableArn("");
    return arn.startsWith(prefix) ? arn.substring(prefix.length()) : "";
  }

  private static DynamoException notFound(String arn) {
    return DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
  }
}
