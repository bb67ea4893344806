package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the table ARNs that the tagging operations address, refusing those that name no table here as DynamoDB
 * does (a catalogue of the service's ValidationException texts, recorded in October 2026 by the ack-api-quirks lab;
 * the not-found wording and its misspelling: dynalite's tagResource tests): an ARN must start with {@code arn:}, be
 * DynamoDB's, be of this region and account, and name a table, not an index.
 */
final class ResourceArns {
  private static final String INDEX = "/index/";
  private static final String STREAM = "/stream/";

  private ResourceArns() {}

  static void checkDeclared(ConstraintViolations v, @Nullable String arn) {
    v.notNull("resourceArn", arn).length("resourceArn", arn, 1, 1283);
  }

  /** The table an ARN names, as a catalog change sees it. */
  static TableMetadata existingTable(Database db, CatalogTransaction change, String arn) {
    return change.table(tableName(db, arn)).orElseThrow(() -> notFound(arn));
  }

  /** As {@link #existingTable(Database, CatalogTransaction, String)}, from the catalog as committed. */
  static TableMetadata existingTable(Database db, String arn) {
    return db.catalog().find(tableName(db, arn)).orElseThrow(() -> notFound(arn));
  }

  /**
   * The resource-based policy of the table or the stream {@code arn} names, as a catalog change sees it: a stream
   * keeps its own policy, which only its calls read (DynamoDB's resource-based policies for streams).
   */
  static Optional<ResourcePolicy> policy(Database db, CatalogTransaction change, String arn) {
    if (isStream(db, arn)) {
      return Optional.ofNullable(existingStream(change, arn).resourcePolicy());
    }
    return existingTable(db, change, arn).options().resourcePolicy();
  }

  /** As {@link #policy(Database, CatalogTransaction, String)}, from the catalog as committed. */
  static Optional<ResourcePolicy> policy(Database db, String arn) {
    if (isStream(db, arn)) {
      return Optional.ofNullable(db.catalog().stream(arn).orElseThrow(() -> notFound(arn)).resourcePolicy());
    }
    return existingTable(db, arn).options().resourcePolicy();
  }

  /** Attaches {@code policy} (or with empty, none) to the table or stream {@code arn} names, in {@code change}. */
  static void setPolicy(Database db, CatalogTransaction change, String arn, Optional<ResourcePolicy> policy) {
    if (isStream(db, arn)) {
      change.putStream(existingStream(change, arn).withResourcePolicy(policy.orElse(null)));
    } else {
      TableMetadata table = existingTable(db, change, arn);
      change.putTable(table.withOptions(table.options().withResourcePolicy(policy)));
    }
  }

  private static StreamDescriptor existingStream(CatalogTransaction change, String arn) {
    return change.stream(arn).orElseThrow(() -> notFound(arn));
  }

  private static boolean isStream(Database db, String arn) {
    checkFormat(db, arn);
    return arn.indexOf(STREAM, db.tableArn("").length()) > 0;
  }

  /** Refuses an ARN that cannot name a table of this server, before anything else about the request is looked at. */
  static void checkFormat(Database db, String arn) {
    if (!arn.startsWith("arn:")) {
      throw DynamoException.validation("One or more parameter values were invalid: ARNs must start with 'arn:': "
          + arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[2].equals("dynamodb")) {
      throw DynamoException.validation("One or more parameter values were invalid: Provided Arn is not a DynamoDB"
          + " resource arn: " + arn);
    }
    String prefix = db.tableArn("");
    if (!arn.startsWith(prefix) || arn.length() == prefix.length()) {
      throw DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    if (arn.indexOf(INDEX, prefix.length()) > 0) {
      throw DynamoException.validation("One or more parameter values were invalid: Invalid resource arn provided,"
          + " only table or stream is accepted. Provided resource arn: " + arn);
    }
  }

  /** The table name in a table ARN of this server, refusing one that names none. */
  static String tableName(Database db, String arn) {
    checkFormat(db, arn);
    return arn.substring(db.tableArn("").length());
  }

  private static DynamoException notFound(String arn) {
    return DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
  }
}
