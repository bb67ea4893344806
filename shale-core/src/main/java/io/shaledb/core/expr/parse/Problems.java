package io.shaledb.core.expr.parse;

import io.shaledb.core.expr.ast.ExpressionKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The faults DynamoDB finds in an expression that parsed: it reports them only once the whole text is read (a syntax
 * error anywhere wins over all of them), and then the first by a fixed order of kinds, not the first by position.
 * A parse records each fault here and carries on; {@link #throwFirst} ends it.
 */
final class Problems {

  /** Kinds of fault, each remembered once (the first occurrence). */
  enum Problem {
    TOO_MANY_OPERATORS,
    REDUNDANT_PARENTHESES,
    UNKNOWN_FUNCTION,
    MISUSED_FUNCTION,
    RESERVED_WORD,
    REPEATED_SECTION,
    OPERAND_COUNT,
    DOCUMENT_PATH_REQUIRED
  }

  /** Conditions report parentheses and functions before reserved words. */
  static final List<Problem> CONDITION_ORDER = List.of(Problem.TOO_MANY_OPERATORS, Problem.REDUNDANT_PARENTHESES,
      Problem.UNKNOWN_FUNCTION, Problem.MISUSED_FUNCTION, Problem.RESERVED_WORD, Problem.OPERAND_COUNT,
      Problem.DOCUMENT_PATH_REQUIRED);
  /** Update expressions report reserved words first and repeated sections after unknown functions. */
  static final List<Problem> UPDATE_ORDER = List.of(Problem.TOO_MANY_OPERATORS, Problem.RESERVED_WORD,
      Problem.UNKNOWN_FUNCTION, Problem.MISUSED_FUNCTION, Problem.REPEATED_SECTION, Problem.OPERAND_COUNT,
      Problem.DOCUMENT_PATH_REQUIRED);

  private final ExpressionKind kind;
  private final List<Problem> order;
  private final Map<Problem, String> found = new EnumMap<>(Problem.class);

  Problems(ExpressionKind kind, List<Problem> order) {
    this.kind = kind;
    this.order = order;
  }

  void record(Problem problem, String detail) {
    found.putIfAbsent(problem, detail);
  }

  /** Throws the fault DynamoDB would report, if any was recorded. */
  void throwFirst() {
    for (Problem problem : order) {
      String detail = found.get(problem);
      if (detail != null) {
        throw kind.invalid(detail);
      }
    }
  }
}
