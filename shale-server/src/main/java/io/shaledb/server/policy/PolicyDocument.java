package io.shaledb.server.policy;

import java.util.List;

/** A parsed policy document: its statements, in order. */
public record PolicyDocument(List<Statement> statements) {
  public PolicyDocument {
    statements = List.copyOf(statements);
  }
}
