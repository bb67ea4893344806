package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * DescribeGlobalTable: a global table of version 2017.11.29 by name, as this region holds it; any other name is
 * answered with GlobalTableNotFoundException, as DynamoDB answers for a table that is not such a global table.
 */
public final class DescribeGlobalTable implements Operation<String, GlobalTableDescription> {
  private final Database db;

  public DescribeGlobalTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(String globalTableName) {
    requireName(globalTableName);
  }

  /** Refuses a missing or malformed GlobalTableName, in DynamoDB's words. */
  static void requireName(String globalTableName) {
    if (globalTableName == null) {
      throw DynamoException.validation(
          "The parameter 'GlobalTableName' is required but was not present in the request");
    }
    TableNames.declared(new ConstraintViolations(), "globalTableName", globalTableName).throwIfAny();
  }

  @Override
  public GlobalTableDescription execute(String globalTableName, RequestContext context) {
    return GlobalTables.describe(db, GlobalTables.find(db, globalTableName));
  }
}
