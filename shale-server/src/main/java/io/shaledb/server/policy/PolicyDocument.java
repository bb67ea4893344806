package io.shaledb.server.policy;

import java.util.List;

/** A parsed policy document: its statements, in order. */
public record PolicyDocument(List<Statement> statements) {
  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** Whether any statement has a condition: only conditions read a request's condition keys. */
  public boolean hasConditions() {
    for (Statement statement : statements) {
      if (!statement.conditions().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
