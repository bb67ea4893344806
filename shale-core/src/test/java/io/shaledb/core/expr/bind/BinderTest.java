package io.shaledb.core.expr.bind;

import static io.shaledb.core.model.Values.b;
import static io.shaledb.core.model.Values.bs;
import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.ns;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import io.shaledb.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Binding: placeholders resolved against a request's names and values, the checks that need no item, and the report
 * of unused names and values. Expected messages are DynamoDB's where a source records them, cited per test;
 * ExpressionsIT checks the same messages through the SDK.
 */
class BinderTest {
  private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
      Map.entry(":n", n(1)), Map.entry(":five", n(5)), Map.entry(":s", s("x")), Map.entry(":b", b(1)),
      Map.entry(":ss", ss("x")), Map.entry(":ns", ns("1")), Map.entry(":bs", bs(1)), Map.entry(":l", l(n(1))),
      Map.entry(":m", m(Map.of())), Map.entry(":bool", AttributeValue.Bool.TRUE),
      Map.entry(":null", AttributeValue.Null.INSTANCE), Map.entry(":typeN", s("N")), Map.entry(":typeX", s("X")));

  private static Path path(Object... elements) {
    List<PathElement> path = new ArrayList<>();
    for (Object element : elements) {
      path.add(element instanceof Integer index ? new PathElement.Index(index)
          : new PathElement.Name((String) element));
    }
    return new Path(path);
  }

  private static Operand at(Object... elements) {
    return new Operand.PathOperand(path(elements));
  }

  private static Operand value(String placeholder) {
    return new Operand.Literal(VALUES.get(placeholder));
  }

  private static Condition condition(ExpressionKind kind, String text, Map<String, String> names) {
    return new Binder(names, VALUES).bind(kind, Parser.condition(kind, text));
  }

  private static Condition condition(String text) {
    return condition(ExpressionKind.CONDITION, text, Map.of());
  }

  private static Update update(String text) {
    return new Binder(Map.of(), VALUES).bind(Parser.update(text));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(Runnable binding) {
    return assertThatThrownBy(binding::run).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
  }

  @Test
  void condition_namesResolveInEveryPathStep_andValuesBecomeLiterals() {
    Map<String, String> names = Map.of("#a", "alpha", "#b", "beta", "#dot", "a.b");

    assertThat(condition(ExpressionKind.CONDITION, "#a.#b[1].c = :n AND size(#dot) > :five", names))
        .isEqualTo(new Condition.And(
            new Condition.Comparison(at("alpha", "beta", 1, "c"), Comparator.EQ, value(":n")),
            new Condition.Comparison(new Operand.Size(at("a.b")), Comparator.GT, value(":five"))));
    assertThat(condition(ExpressionKind.FILTER, "#a IN (:n, :s) OR #a BETWEEN :n AND :five", names))
        .isEqualTo(new Condition.Or(
            new Condition.In(at("alpha"), List.of(value(":n"), value(":s"))),
            new Condition.Between(at("alpha"), value(":n"), value(":five"))));
    assertThat(condition(ExpressionKind.CONDITION, "NOT begins_with(#a, :s) AND attribute_type(#b, :typeN)", names))
        .isEqualTo(new Condition.And(
            new Condition.Not(new Condition.Function(ConditionFunction.BEGINS_WITH, List.of(at("alpha"), value(":s")))),
            new Condition.Function(ConditionFunction.ATTRIBUTE_TYPE, List.of(at("beta"), value(":typeN")))));
  }

  @Test
  void update_namesAndValuesResolveInEveryClauseAndFunction() {
    Binder binder = new Binder(Map.of("#a", "alpha", "#l", "list"), VALUES);

    Update bound = binder.bind(Parser.update("SET #a = if_not_exists(#a, :n) + :five, #l[0] = list_append(:l, #l)"
        + " REMOVE #l[1].x ADD c :ns DELETE d :ss"));

    assertThat(bound.actions()).containsExactly(
        new Update.Set(path("alpha"), new Operand.Arithmetic(new Operand.IfNotExists(path("alpha"), value(":n")), true,
            value(":five"))),
        new Update.Set(path("list", 0), new Operand.ListAppend(value(":l"), at("list"))),
        new Update.Remove(path("list", 1, "x")),
        new Update.Add(path("c"), value(":ns")),
        new Update.Delete(path("d"), value(":ss")));
  }

  @Test
  void projection_namesResolve() {
    assertThat(new Binder(Map.of("#k", "key"), null).bind(ExpressionKind.PROJECTION, Parser.projection("#k.a, b[2]")))
        .containsExactly(path("key", "a"), path("b", 2));
  }

  @ParameterizedTest
  @EnumSource(value = ExpressionKind.class, names = {"CONDITION", "FILTER", "KEY_CONDITION"})
  void undefinedValueOrName_isNamedWithTheExpressionKind(ExpressionKind kind) {
    // Messages as ExpressionsIT checks them for UpdateExpression; DynamoDB words every kind alike.
    assertInvalid(() -> condition(kind, "a = :undefined", Map.of())).hasMessage("Invalid " + kind.parameter()
        + ": An expression attribute value used in expression is not defined; attribute value: :undefined");
    assertInvalid(() -> condition(kind, "#a.#undefined = :n", Map.of("#a", "a"))).hasMessage("Invalid "
        + kind.parameter() + ": An expression attribute name used in the document path is not defined; attribute name:"
        + " #undefined");
  }

  @Test
  void undefinedValueOrName_inUpdatesAndProjections() {
    assertInvalid(() -> update("SET a = if_not_exists(b, :undefined)")).hasMessage("Invalid UpdateExpression: An"
        + " expression attribute value used in expression is not defined; attribute value: :undefined");
    assertInvalid(() -> update("REMOVE a[1].#undefined")).hasMessage("Invalid UpdateExpression: An expression"
        + " attribute name used in the document path is not defined; attribute name: #undefined");
    assertInvalid(() -> new Binder(null, null).bind(ExpressionKind.PROJECTION, Parser.projection("a, #b")))
        .hasMessage("Invalid ProjectionExpression: An expression attribute name used in the document path is not"
            + " defined; attribute name: #b");
  }

  @Test
  void checkAllUsed_reportsUnusedNamesInOrder_thenUnusedValues() {
    // Messages as ExpressionsIT checks them (and Alternator's tests quote them from DynamoDB).
    Binder names = new Binder(Map.of("#c", "c", "#a", "a", "#b", "b"), Map.of(":x", n(1), ":y", n(2)));
    names.bind(ExpressionKind.CONDITION, Parser.condition(ExpressionKind.CONDITION, "#a = :y"));
    assertInvalid(names::checkAllUsed).hasMessage("Value provided in ExpressionAttributeNames unused in expressions:"
        + " keys: {#b, #c}");

    Binder values = new Binder(Map.of("#a", "a"), Map.of(":x", n(1), ":y", n(2)));
    values.bind(ExpressionKind.CONDITION, Parser.condition(ExpressionKind.CONDITION, "#a = :y"));
    assertInvalid(values::checkAllUsed).hasMessage("Value provided in ExpressionAttributeValues unused in"
        + " expressions: keys: {:x}");
  }

  @Test
  void checkAllUsed_countsUsesAcrossAllOfARequestsExpressions() {
    Binder binder = new Binder(Map.of("#a", "a", "#b", "b", "#p", "p"), Map.of(":x", n(1), ":y", n(2)));
    binder.bind(Parser.update("SET #a = if_not_exists(#a, :x) REMOVE #b"));
    binder.bind(ExpressionKind.CONDITION, Parser.condition(ExpressionKind.CONDITION,
        "attribute_exists(#a) AND a <> :y"));
    binder.bind(ExpressionKind.PROJECTION, Parser.projection("#p"));

    assertThatCode(binder::checkAllUsed).doesNotThrowAnyException();
    assertThatCode(new Binder(null, null)::checkAllUsed).doesNotThrowAnyException();
  }

  @Test
  void beginsWith_aNumber_isRefused() {
    // DynamoDB's message (ElectroDB's tests record it from DynamoDB Local, for KeyConditionExpression).
    assertInvalid(() -> condition("begins_with(a, :n)")).hasMessage("Invalid ConditionExpression: Incorrect operand"
        + " type for operator or function; operator or function: begins_with, operand type: N");
  }

  @ParameterizedTest
  @ValueSource(strings = {":ss", ":ns", ":bs", ":l", ":m", ":bool", ":null"})
  void beginsWith_valuesOtherThanStringsAndBinaries_areRefused(String operand) {
    // How DynamoDB spells these types here (N as above, or as ADD spells them) is not settled by a source at hand.
    assertInvalid(() -> condition("begins_with(a, " + operand + ")")).hasMessageStartingWith("Invalid"
        + " ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with,"
        + " operand type: ");
  }

  @Test
  void beginsWith_stringsBinariesAndPaths_areAccepted() {
    assertThatCode(() -> condition("begins_with(a, :s) AND begins_with(a, :b) AND begins_with(a, b.c)"))
        .doesNotThrowAnyException();
  }

  @Test
  void attributeType_needsTheNameOfAType() {
    // dynalite's recorded answers: the operand type, and "Invalid attribute type name found"; the order and spacing
    // of the list of valid types differ between sources, so only the part before it is asserted.
    assertInvalid(() -> condition("attribute_type(a, :n)")).hasMessage("Invalid ConditionExpression: Incorrect"
        + " operand type for operator or function; operator or function: attribute_type, operand type: N");
    assertInvalid(() -> condition("attribute_type(a, b)")).hasMessageStartingWith("Invalid ConditionExpression:"
        + " Incorrect operand type for operator or function; operator or function: attribute_type, operand type:");
    assertInvalid(() -> condition("attribute_type(a, :typeX)")).hasMessageStartingWith("Invalid"
        + " ConditionExpression: Invalid attribute type name found; type: X, valid types: ");
    assertThatCode(() -> condition("attribute_type(a, :typeN)")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({"<, :ss", "<=, :m", ">, :l", ">=, :bool", "<, :null"})
  void orderings_ofValuesThatHaveNoOrder_areRefused(String comparator, String operand) {
    // How DynamoDB spells the type here (SS or STRING_SET) is not settled by a source at hand, so it is not asserted.
    assertInvalid(() -> condition("a " + comparator + " " + operand)).hasMessageStartingWith("Invalid"
        + " ConditionExpression: Incorrect operand type for operator or function; operator or function: " + comparator
        + ", operand type: ");
    assertInvalid(() -> condition(operand + " " + comparator + " a")).hasMessageStartingWith("Invalid"
        + " ConditionExpression: Incorrect operand type for operator or function; operator or function: " + comparator
        + ", operand type: ");
  }

  @Test
  void equality_andOrderingsOfScalars_areAccepted() {
    assertThatCode(() -> condition("a = :ss AND a <> :m AND a < :n AND a >= :s AND a > :b AND a <= b"))
        .doesNotThrowAnyException();
  }

  @Test
  void between_boundsOutOfOrder_areRefused_equalBoundsAccepted() {
    assertInvalid(() -> condition("a BETWEEN :five AND :n")).hasMessageStartingWith("Invalid ConditionExpression:"
        + " The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ");
    assertThatCode(() -> condition("a BETWEEN :n AND :n AND a BETWEEN :n AND b")).doesNotThrowAnyException();
  }

  @Test
  @Disabled("bug: the BETWEEN bounds message says 'lower bound:' where DynamoDB says 'lower bound operand:'"
      + " (issue 25, BETWEEN_MESSAGE_WORDING)")
  void between_boundsOutOfOrder_haveDynamoDbsMessage() {
    // dynalite's recorded answer (test/updateItem.js: "BETWEEN args are in the incorrect order").
    assertInvalid(() -> condition("a BETWEEN :five AND :n")).hasMessage("Invalid ConditionExpression: The BETWEEN"
        + " operator requires upper bound to be greater than or equal to lower bound; lower bound operand:"
        + " AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // Alternator's test_update_expression.py quotes these from DynamoDB.
    "SET a = :s + :n|+|S", "SET a = b - :s|-|S", "SET a = list_append(:s, b)|list_append|S",
    "SET a = list_append(b, :n)|list_append|N",
  })
  void arithmeticAndListAppend_ofValuesOfTheWrongType_areRefused(String expression, String function, String type) {
    assertInvalid(() -> update(expression)).hasMessage("Invalid UpdateExpression: Incorrect operand type for operator"
        + " or function; operator or function: " + function + ", operand type: " + type);
  }

  @Test
  void addAndDelete_takeOnlyTheirTypesOfValue() {
    assertThatCode(() -> update("ADD a :n, b :ss, c :ns, d :bs DELETE e :ss, f :ns, g :bs"))
        .doesNotThrowAnyException();
    for (String refused : List.of("ADD a :s", "ADD a :l", "ADD a :m", "ADD a :b", "ADD a :bool")) {
      assertInvalid(() -> update(refused)).as(refused).hasMessageStartingWith("Invalid UpdateExpression: Incorrect"
          + " operand type for operator or function; operator: ADD, operand type: ");
    }
    for (String refused : List.of("DELETE a :n", "DELETE a :s", "DELETE a :l", "DELETE a :null")) {
      assertInvalid(() -> update(refused)).as(refused).hasMessageStartingWith("Invalid UpdateExpression: Incorrect"
          + " operand type for operator or function; operator: DELETE, operand type: ");
    }
  }

  @Test
  @Disabled("bug: ADD and DELETE name the operand's type as S, not STRING, and omit the typeSet (issue 25,"
      + " UPDATE_OPERAND_TYPE_MESSAGE)")
  void addAndDelete_ofTheWrongType_haveDynamoDbsMessage() {
    // Alternator's test_update_expression.py quotes "operator: ADD, operand type: STRING" from DynamoDB; the typeSet
    // is in DynamoDB's answers that Dynamoid's and zio-dynamodb's tests record.
    assertInvalid(() -> update("ADD a :s")).hasMessage("Invalid UpdateExpression: Incorrect operand type for operator"
        + " or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
    assertInvalid(() -> update("DELETE a :s")).hasMessage("Invalid UpdateExpression: Incorrect operand type for"
        + " operator or function; operator: DELETE, operand type: STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // Messages as ExpressionsIT checks them; the cases are Alternator's, recorded from DynamoDB.
    "SET a = :n, a = :s|[a]|[a]", "SET a.b = :n REMOVE a|[a, b]|[a]", "REMOVE a SET a.b = :n|[a]|[a, b]",
    "SET a.b.c = :n, a.b = :s|[a, b, c]|[a, b]", "SET a[1] = :n, a = :s|[a, [1]]|[a]",
    "SET a[1][1] = :n, a[1] = :s|[a, [1], [1]]|[a, [1]]", "SET a = :n ADD a :n|[a]|[a]",
    "ADD a.b :n DELETE a.b :ss|[a, b]|[a, b]",
    "SET a[1][1][1][1] = :n, a[1][1] = :s|[a, [1], [1], [1], [1]]|[a, [1], [1]]",
  })
  void overlappingPaths_areRefused(String expression, String one, String two) {
    assertInvalid(() -> update(expression)).hasMessage("Invalid UpdateExpression: Two document paths overlap with each"
        + " other; must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SET a.b = :n, a[1] = :s|[a, b]|[a, [1]]", "SET a.b.c = :n, a.b[2] = :s|[a, b, c]|[a, b, [2]]",
    "SET a[0] = :n REMOVE a.x|[a, [0]]|[a, x]",
  })
  void conflictingPaths_areRefused(String expression, String one, String two) {
    assertInvalid(() -> update(expression)).hasMessage("Invalid UpdateExpression: Two document paths conflict with"
        + " each other; must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
  }

  @Test
  void pathsAreComparedAfterTheirNamesResolve() {
    assertInvalid(() -> new Binder(Map.of("#a1", "a", "#a2", "a"), VALUES).bind(Parser.update(
        "SET #a1 = :n, #a2 = :s"))).hasMessage("Invalid UpdateExpression: Two document paths overlap with each other;"
            + " must remove or rewrite one of these paths; path one: [a], path two: [a]");
  }

  @Test
  void disjointPaths_inOneAttribute_areAccepted() {
    assertThatCode(() -> update("SET a.b = :n, a.c.d = :s, b.x = :n, l[0] = :n, l[1][0] = :s REMOVE a.x, b.y,"
        + " l[2]")).doesNotThrowAnyException();
  }
}
