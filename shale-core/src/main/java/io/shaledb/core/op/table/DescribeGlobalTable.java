package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * DescribeGlobalTable and DescribeGlobalTableSettings, which address global tables of version 2017.11.29 by name.
 * ShaleDB has none, so every name is answered with GlobalTableNotFoundException, in the API reference's words for it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeGlobalTable.html), as DynamoDB answers
 * for a table that is not such a global table.
 */
public final class DescribeGlobalTable implements Operation<String, Void> {
  @Override
  public void validate(String globalTableName) {
    if (globalTableName == null) {
      throw DynamoException.validation(
          "The parameter 'GlobalTableName' is required but was not present in the request");
    }
    TableNames.declared(new ConstraintViolations(), "globalTableName", globalTableName).throwIfAny();
  }

  @Override
  public Void execute(String globalTableName, RequestContext context) {
    throw new DynamoException(ErrorCode.GLOBAL_TABLE_NOT_FOUND, "The specified global table does not exist.");
  }
}
