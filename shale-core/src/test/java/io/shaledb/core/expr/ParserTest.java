package io.shaledb.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.parse.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParserTest {

  private static Operand path(String... names) {
    return new Operand.PathOperand(new Path(java.util.Arrays.stream(names)
        .<PathElement>map(PathElement.Name::new).toList()));
  }

  @Test
  void condition_precedence_isNotThenAndThenOr() {
    Condition c = Parser.condition(ExpressionKind.CONDITION, "a = :a OR NOT b = :b AND c = :c");

    assertThat(c).isEqualTo(new Condition.Or(
        new Condition.Comparison(path("a"), Comparator.EQ, new Operand.Placeholder(":a")),
        new Condition.And(
            new Condition.Not(new Condition.Comparison(path("b"), Comparator.EQ, new Operand.Placeholder(":b"))),
            new Condition.Comparison(path("c"), Comparator.EQ, new Operand.Placeholder(":c")))));
  }

  @Test
  void condition_parenthesesGroup_andKeywordsAreCaseInsensitive() {
    Condition c = Parser.condition(ExpressionKind.FILTER, "(a = :a or b = :b) and c between :x AND :y");

    assertThat(c).isInstanceOf(Condition.And.class);
    assertThat(((Condition.And) c).left()).isInstanceOf(Condition.Or.class);
    assertThat(((Condition.And) c).right()).isInstanceOf(Condition.Between.class);
  }

  @Test
  void condition_functionsPathsAndSize() {
    Condition c = Parser.condition(ExpressionKind.CONDITION,
        "attribute_exists(#a.b[2].c) AND size(l) > :n AND x IN (:a, :b)");

    Condition.And outer = (Condition.And) c;
    Condition.And inner = (Condition.And) outer.left();
    assertThat(inner.left()).isEqualTo(new Condition.Function(ConditionFunction.ATTRIBUTE_EXISTS, List.of(
        new Operand.PathOperand(new Path(List.of(new PathElement.Name("#a"), new PathElement.Name("b"),
            new PathElement.Index(2), new PathElement.Name("c")))))));
    assertThat(inner.right()).isEqualTo(new Condition.Comparison(new Operand.Size(path("l")), Comparator.GT,
        new Operand.Placeholder(":n")));
    assertThat(outer.right()).isInstanceOf(Condition.In.class);
  }

  @Test
  void update_allClauses() {
    Update u = Parser.update("SET a = :a + b, c = if_not_exists(c, :z), d = list_append(d, :l) REMOVE e[1], f"
        + " ADD n :one DELETE s :s");

    assertThat(u.actions()).hasSize(7);
    assertThat(u.actions().get(0)).isEqualTo(new Update.Set(Path.of("a"),
        new Operand.Arithmetic(new Operand.Placeholder(":a"), true, path("b"))));
    assertThat(u.actions().get(3)).isEqualTo(new Update.Remove(new Path(List.of(new PathElement.Name("e"),
        new PathElement.Index(1)))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // Syntax errors name the offending token and the tokens around it (messages as DynamoDB returns them,
    // e.g. "ADD hits : incr" in aws-cdk#7591 and "INVALID SYNTAX HERE" in dynoxide#12).
    "UPDATE|ADD hits : incr|Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"",
    "UPDATE|INVALID SYNTAX HERE|Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
    "CONDITION|ADD #v :i|Invalid ConditionExpression: Syntax error; token: \"ADD\", near: \"ADD #v\"",
    "UPDATE|SET a = b-|Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"-\"",
    "CONDITION|a = |Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
    "CONDITION|a = :v extra|Invalid ConditionExpression: Syntax error; token: \"extra\", near: \":v extra\"",
    "PROJECTION|a,,b|Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"",
    "PROJECTION|a.#|Invalid ProjectionExpression: Syntax error; token: \"#\", near: \".#\"",
    "CONDITION|'  '|Invalid ConditionExpression: The expression can not be empty;",
    "UPDATE|SET a = :a SET b = :b|Invalid UpdateExpression: The \"SET\" section can only be used once in an update"
        + " expression;",
    "PROJECTION|name|Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
    "CONDITION|Size = :v|Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size",
    "CONDITION|foo(a)|Invalid ConditionExpression: Invalid function name; function: foo",
    "CONDITION|attribute_exists(a, b)|Invalid ConditionExpression: Incorrect number of operands for operator or"
        + " function; operator or function: attribute_exists, number of operands: 2",
    "CONDITION|attribute_exists(:v)|Invalid ConditionExpression: Operator or function requires a document path;"
        + " operator or function: attribute_exists",
    "UPDATE|SET a = size(b)|Invalid UpdateExpression: The function is not allowed in an update expression;"
        + " function: size",
    "CONDITION|begins_with(a, :v) = :x|Invalid ConditionExpression: The function is not allowed to be used this way"
        + " in an expression; function: begins_with",
    "UPDATE|SET a = if_not_exists(:v, b)|Invalid UpdateExpression: Operator or function requires a document path;"
        + " operator or function: if_not_exists",
    "UPDATE|SET a = list_append(b)|Invalid UpdateExpression: Incorrect number of operands for operator or function;"
        + " operator or function: list_append, number of operands: 1",
    "UPDATE|SET a = nope(b) SET c = :v|Invalid UpdateExpression: Invalid function name; function: nope",
    "UPDATE|SET a = (((b)))|Invalid UpdateExpression: Syntax error; token: \"(\", near: \"((b\"",
  })
  void invalidExpressions_getDynamoDbMessages(ExpressionKind kind, String text, String message) {
    assertThatThrownBy(() -> parse(kind, text))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage(message);
  }

  @Test
  void limits_expressionSize_pathDepth_inOperands() {
    String big = "a = :v AND " + "b = :v AND ".repeat(400) + "c = :v";
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.CONDITION, big))
        .hasMessageStartingWith("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;");
    String deep = "a" + ".b".repeat(32);
    assertThatThrownBy(() -> Parser.projection(deep)).hasMessage(
        "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
    String in = "a IN (" + String.join(", ", java.util.Collections.nCopies(101, ":v")) + ")";
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.CONDITION, in)).hasMessage(
        "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
  }

  // The cases below are those of dynalite's test suite, which its authors checked against DynamoDB.

  @ParameterizedTest
  @ValueSource(strings = {
    "a=a and a > ((views))",
    "(a)between(((b.c)).d)and(c)",
    "a > whatever((:things), ((a)))",
    "a=a AND ((a=a AND a=a)) AND a=a",
    "a=a OR ((a=a OR a=a)) OR a=a",
    "a=a AND ((a=a AND (a=a AND a=a)))",
    "a=a OR ((a=a OR (a=a OR a=a)))",
  })
  void redundantParentheses_areReportedBeforeEveryFaultButSyntax(String text) {
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.FILTER, text))
        .hasMessage("Invalid FilterExpression: The expression has redundant parentheses;");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a=a and attribute_exists((views), (#a)) > b|attribute_exists",
    "attribute_not_exists(things) > b|attribute_not_exists",
    "attribute_type(things, :a) > b|attribute_type",
    "begins_with(things, a) > b|begins_with",
    "contains(:things, c) > b|contains",
    "size(contains(a, b)) > a|contains",
    "size(things)|size",
    "a between b and attribute_exists(things)|attribute_exists",
    "a in (b, attribute_exists(things))|attribute_exists",
  })
  void functionsOutOfPlace_areMisused(String text, String function) {
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.FILTER, text)).hasMessage("Invalid FilterExpression: The"
        + " function is not allowed to be used this way in an expression; function: " + function);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a=a and whatever((:things)) > a|Invalid function name; function: whatever",
    "attRIbute_exIsts((views), #a)|Invalid function name; function: attRIbute_exIsts",
    "attribute_exists(views, #a)|Attribute name is a reserved keyword; reserved keyword: views",
    ":a < abOrT|Attribute name is a reserved keyword; reserved keyword: abOrT",
    "size(a)[0] > a|Syntax error; token: \"[\", near: \")[0\"",
  })
  void faults_areReportedInDynamoDbsOrder(String text, String detail) {
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.FILTER, text))
        .hasMessage("Invalid FilterExpression: " + detail);
  }

  @Test
  void groupedOperandsAndPaths_areOperands() {
    Condition c = Parser.condition(ExpressionKind.FILTER, "(a)between((b.c).d)and(:c)");

    assertThat(c).isEqualTo(new Condition.Between(path("a"), path("b", "c", "d"), new Operand.Placeholder(":c")));
    assertThat(Parser.condition(ExpressionKind.FILTER, "(size(a)) > :n AND (l)[1] = :v")).isEqualTo(
        new Condition.And(new Condition.Comparison(new Operand.Size(path("a")), Comparator.GT,
            new Operand.Placeholder(":n")), new Condition.Comparison(new Operand.PathOperand(new Path(List.of(
                new PathElement.Name("l"), new PathElement.Index(1)))), Comparator.EQ, new Operand.Placeholder(":v"))));
    assertThat(Parser.update("SET a = (b + :c), d = (:e) - (f), g = ((h))").actions()).containsExactly(
        new Update.Set(Path.of("a"), new Operand.Arithmetic(path("b"), true, new Operand.Placeholder(":c"))),
        new Update.Set(Path.of("d"), new Operand.Arithmetic(new Operand.Placeholder(":e"), false, path("f"))),
        new Update.Set(Path.of("g"), path("h")));
  }

  @Test
  void operators_areLimitedTo300() {
    String atLimit = "attribute_exists(b) OR size(c) > :n" + " OR a = :v".repeat(148);
    assertThat(Parser.condition(ExpressionKind.CONDITION, atLimit)).isNotNull();
    assertThatThrownBy(() -> Parser.condition(ExpressionKind.CONDITION, atLimit + " OR a = :v")).hasMessage(
        "Invalid ConditionExpression: The expression contains too many operators; operator count: 302");
    String sums = "SET " + String.join(", ", java.util.Collections.nCopies(301, "a = a + :v"));
    assertThatThrownBy(() -> Parser.update(sums)).hasMessage(
        "Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
  }

  private static Object parse(ExpressionKind kind, String text) {
    return switch (kind) {
      case UPDATE -> Parser.update(text);
      case PROJECTION -> Parser.projection(text);
      case CONDITION, FILTER, KEY_CONDITION -> Parser.condition(kind, text);
    };
  }
}
