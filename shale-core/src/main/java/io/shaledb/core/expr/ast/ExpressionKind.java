package io.shaledb.core.expr.ast;

import io.shaledb.core.error.DynamoException;

/** The five expression kinds; each names itself in DynamoDB's error messages ("Invalid UpdateExpression: ..."). */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  PROJECTION("ProjectionExpression"),
  UPDATE("UpdateExpression");

  private final String parameter;

  ExpressionKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request parameter that carries this kind of expression. */
  public String parameter() {
    return parameter;
  }

  /**
   * A ValidationException about an expression of this kind, {@code "Invalid <Kind>: <detail>"}, found parsing or
   * binding it: one of DynamoDB's request validation errors.
   */
  public DynamoException invalid(String detail) {
    return DynamoException.requestValidation(message(detail));
  }

  private String message(String detail) {
    return "Invalid " + parameter + ": " + detail;
  }
}
