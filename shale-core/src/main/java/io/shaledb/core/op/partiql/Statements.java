package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The declared constraints the three PartiQL operations share on a statement and its parameters. */
final class Statements {
  /** The API reference's bounds on Statement's length. */
  static final int MAX_STATEMENT_LENGTH = 8192;

  private Statements() {}

  /** @param path the member's path in the request, "statement" or "statements.3.member.statement" */
  static void checkDeclared(ConstraintViolations v, String path, @Nullable String statement, String parametersPath,
      @Nullable List<AttributeValue> parameters, String returnOnFailurePath,
      @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure) {
    v.notNull(path, statement);
    v.length(path, statement, 1, MAX_STATEMENT_LENGTH);
    v.size(parametersPath, parameters, String.valueOf(parameters), 1, Integer.MAX_VALUE);
    v.oneOf(returnOnFailurePath, returnOnFailure, ReturnValuesOnConditionCheckFailure.values());
  }
}
