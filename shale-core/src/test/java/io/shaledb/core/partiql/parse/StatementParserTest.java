package io.shaledb.core.partiql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.SeededRandom;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements DynamoDB runs, parsed into the trees execution plans from; the refusals are in
 * StatementParserErrorsTest.
 */
class StatementParserTest {

  private static Expr.PathExpr path(String... names) {
    return new Expr.PathExpr(Arrays.stream(names).<Expr.Step>map(Expr.Step.Name::new).toList());
  }

  private static Expr.Literal s(String value) {
    return new Expr.Literal(new AttributeValue.S(value));
  }

  private static Expr.Literal n(String value) {
    return new Expr.Literal(new AttributeValue.N(DynamoNumber.parse(value)));
  }

  private static Expr where(String condition) {
    return ((Statement.Select) StatementParser.parse("SELECT * FROM t WHERE " + condition)).where().orElseThrow();
  }

  private static Expr value(String value) {
    return ((Expr.Comparison) where("x = " + value)).right();
  }

  @Test
  void parse_selectStar_hasNoProjectionIndexWhereOrOrder() {
    assertThat(StatementParser.parse("SELECT * FROM \"Music\"")).isEqualTo(new Statement.Select(List.of(), "Music",
        Optional.empty(), Optional.empty(), List.of(), 0));
  }

  @Test
  void parse_selectFromIndexWithProjectionWhereAndOrderBy_keepsEveryPart() {
    Statement statement = StatementParser.parse("select Artist, \"Song Title\".x[2], m['k'] from \"Music\".\"ByYear\""
        + " where Artist = ? order by SongTitle desc, Released asc, Album");

    assertThat(statement).isEqualTo(new Statement.Select(
        List.of(path("Artist"), new Expr.PathExpr(List.of(new Expr.Step.Name("Song Title"), new Expr.Step.Name("x"),
            new Expr.Step.Index(2))), path("m", "k")),
        "Music", Optional.of("ByYear"),
        Optional.of(new Expr.Comparison(path("Artist"), Comparator.EQ, new Expr.Parameter(0))),
        List.of(new Statement.OrderBy(path("SongTitle"), true), new Statement.OrderBy(path("Released"), false),
            new Statement.OrderBy(path("Album"), false)),
        1));
    assertThat(statement.table()).isEqualTo("Music");
  }

  @Test
  void parse_insertTuple_keepsEntriesInWrittenOrder() {
    Statement statement = StatementParser.parse("INSERT INTO \"Music\" VALUE {'Artist': 'Acme', 'Year': 2021,"
        + " 'Tags': <<'a', 'b'>>, 'L': [1, ?], 'M': {'x': NULL}}");

    assertThat(statement).isEqualTo(new Statement.Insert("Music", new Expr.TupleExpr(List.of(
            new Expr.TupleExpr.Entry("Artist", s("Acme")), new Expr.TupleExpr.Entry("Year", n("2021")),
            new Expr.TupleExpr.Entry("Tags", new Expr.BagExpr(List.of(s("a"), s("b")))),
            new Expr.TupleExpr.Entry("L", new Expr.ListExpr(List.of(n("1"), new Expr.Parameter(0)))),
            new Expr.TupleExpr.Entry("M", new Expr.TupleExpr(List.of(
                new Expr.TupleExpr.Entry("x", new Expr.Literal(AttributeValue.Null.INSTANCE))))))), 1));
  }

  @Test
  void parse_updateWithRepeatedSetAndRemoveClauses_keepsActionsInWrittenOrder() {
    Statement statement = StatementParser.parse("UPDATE \"Music\" SET a = 1, b = b + ? REMOVE c, d[0] SET e = "
        + "list_append(e, [?]) SET f = set_add(f, <<'x'>>) WHERE pk = ? AND sk = 'k' RETURNING MODIFIED NEW *");

    assertThat(statement).isEqualTo(new Statement.Update("Music", List.of(
        new UpdateAction.Set(path("a"), n("1")),
        new UpdateAction.Set(path("b"), new Expr.Arithmetic(path("b"), Expr.ArithmeticOp.ADD, new Expr.Parameter(0))),
        new UpdateAction.Remove(path("c")),
        new UpdateAction.Remove(new Expr.PathExpr(List.of(new Expr.Step.Name("d"), new Expr.Step.Index(0)))),
        new UpdateAction.Set(path("e"), new Expr.Call(Expr.Function.LIST_APPEND,
            List.of(path("e"), new Expr.ListExpr(List.of(new Expr.Parameter(1)))))),
        new UpdateAction.Set(path("f"), new Expr.Call(Expr.Function.SET_ADD,
            List.of(path("f"), new Expr.BagExpr(List.of(s("x"))))))),
        new Expr.And(new Expr.Comparison(path("pk"), Comparator.EQ, new Expr.Parameter(2)),
            new Expr.Comparison(path("sk"), Comparator.EQ, s("k"))),
        Returning.MODIFIED_NEW, 3));
  }

  @ParameterizedTest
  @CsvSource({"ALL OLD, ALL_OLD", "modified old, MODIFIED_OLD", "All New, ALL_NEW", "MODIFIED NEW, MODIFIED_NEW"})
  void parse_updateReturning_eachMode(String words, Returning expected) {
    Statement.Update update = (Statement.Update) StatementParser.parse(
        "UPDATE t SET a = 1 WHERE pk = 1 RETURNING " + words + " *");

    assertThat(update.returning()).isEqualTo(expected);
  }

  @Test
  void parse_fromFirstUpdate_isAnUpdate() {
    // The form DynamoDB runs as an UPDATE (conformance suite, tier2/partiql/fromFirstUpdate).
    assertThat(StatementParser.parse("from \"T\" where pk = ? set c = ? remove b returning all new *")).isEqualTo(
        new Statement.Update("T", List.of(new UpdateAction.Set(path("c"), new Expr.Parameter(1)),
            new UpdateAction.Remove(path("b"))), new Expr.Comparison(path("pk"), Comparator.EQ, new Expr.Parameter(0)),
            Returning.ALL_NEW, 2));
  }

  @Test
  void parse_delete_withAndWithoutReturning() {
    assertThat(StatementParser.parse("DELETE FROM \"T\" WHERE pk = 'a'")).isEqualTo(
        new Statement.Delete("T", new Expr.Comparison(path("pk"), Comparator.EQ, s("a")), Returning.NONE, 0));
    assertThat(((Statement.Delete) StatementParser.parse("DELETE FROM T WHERE pk = 'a' RETURNING ALL OLD *"))
        .returning()).isEqualTo(Returning.ALL_OLD);
  }

  @Test
  void parse_existsStatement_wrapsItsSelect() {
    Statement statement = StatementParser.parse("EXISTS(SELECT * FROM \"T\" WHERE pk = ? AND a IS MISSING)");

    assertThat(statement).isInstanceOf(Statement.Exists.class);
    assertThat(statement.table()).isEqualTo("T");
    assertThat(statement.parameterCount()).isEqualTo(1);
  }

  @Test
  void parse_precedence_orBelowAndBelowNotBelowComparison() {
    assertThat(where("a = 1 OR NOT b = 2 AND c = 3")).isEqualTo(new Expr.Or(
        new Expr.Comparison(path("a"), Comparator.EQ, n("1")),
        new Expr.And(new Expr.Not(new Expr.Comparison(path("b"), Comparator.EQ, n("2"))),
            new Expr.Comparison(path("c"), Comparator.EQ, n("3")))));
  }

  @Test
  void parse_parentheses_overridePrecedence() {
    assertThat(where("(a = 1 OR b = 2) AND c = 3")).isEqualTo(new Expr.And(
        new Expr.Or(new Expr.Comparison(path("a"), Comparator.EQ, n("1")),
            new Expr.Comparison(path("b"), Comparator.EQ, n("2"))),
        new Expr.Comparison(path("c"), Comparator.EQ, n("3"))));
  }

  @Test
  void parse_arithmetic_isLeftAssociativeAndBindsTighterThanComparison() {
    assertThat(where("a - 1 + b > 2")).isEqualTo(new Expr.Comparison(
        new Expr.Arithmetic(new Expr.Arithmetic(path("a"), Expr.ArithmeticOp.SUBTRACT, n("1")),
            Expr.ArithmeticOp.ADD, path("b")), Comparator.GT, n("2")));
  }

  @ParameterizedTest
  @CsvSource({"=, EQ", "<>, NE", "!=, NE", "<, LT", "<=, LE", ">, GT", ">=, GE"})
  void parse_comparisonOperators(String operator, Comparator op) {
    assertThat(where("a " + operator + " 1")).isEqualTo(new Expr.Comparison(path("a"), op, n("1")));
  }

  @Test
  void parse_betweenInAndIs_withTheirNegations() {
    assertThat(where("a BETWEEN 1 AND 5")).isEqualTo(new Expr.Between(path("a"), n("1"), n("5")));
    assertThat(where("a NOT BETWEEN 1 AND 5")).isEqualTo(new Expr.Not(new Expr.Between(path("a"), n("1"), n("5"))));
    assertThat(where("a IN [1, 'x']")).isEqualTo(new Expr.In(path("a"), List.of(n("1"), s("x"))));
    assertThat(where("a IN (1, ?)")).isEqualTo(new Expr.In(path("a"), List.of(n("1"), new Expr.Parameter(0))));
    assertThat(where("a NOT IN [1]")).isEqualTo(new Expr.Not(new Expr.In(path("a"), List.of(n("1")))));
    assertThat(where("a IS MISSING")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.MISSING, false));
    assertThat(where("a is not missing")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.MISSING, true));
    assertThat(where("a IS NULL")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.NULL, false));
    assertThat(where("a IS NOT NULL")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.NULL, true));
    assertThat(where("a IS bool")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.BOOLEAN, false));
    assertThat(where("a IS NOT BOOLEAN")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.BOOLEAN, true));
    assertThat(where("a IS TUPLE")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.STRUCT, false));
    assertThat(where("a IS NUMERIC(5, 2)")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.NUMERIC, false));
    assertThat(where("a IS string")).isEqualTo(new Expr.Is(path("a"), Expr.IsKind.STRING, false));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "begins_with(a, 'x')|BEGINS_WITH", "CONTAINS(a, 'x')|CONTAINS", "Size(a)|SIZE",
    "attribute_type(a, 'S')|ATTRIBUTE_TYPE", "missing(a)|MISSING", "ATTRIBUTE_EXISTS(a)|ATTRIBUTE_EXISTS",
    "attribute_not_exists(a)|ATTRIBUTE_NOT_EXISTS"})
  void parse_conditionFunctions_caseInsensitive(String call, Expr.Function function) {
    assertThat(where(call)).isInstanceOfSatisfying(Expr.Call.class, c -> {
      assertThat(c.function()).isEqualTo(function);
      assertThat(c.arguments().get(0)).isEqualTo(path("a"));
    });
  }

  @Test
  void parse_updateFunctions_inSetValues() {
    Statement.Update update = (Statement.Update) StatementParser.parse("UPDATE t SET l = LIST_APPEND(l, [1]),"
        + " s = Set_Delete(s, <<1>>), n = size(m) WHERE pk = 1");

    assertThat(update.actions()).extracting(a -> ((Expr.Call) ((UpdateAction.Set) a).value()).function())
        .containsExactly(Expr.Function.LIST_APPEND, Expr.Function.SET_DELETE, Expr.Function.SIZE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "42|42", "-17|-17", "3.25|3.25", "-0.5|-0.5", "7.31e6|7310000", "7.31E+6|7310000", "73100000e-1|7310000",
    ".73e1|7.3", "-.73e1|-7.3", "1.|1", "0|0", "1e125|1E+125", "1e-130|1E-130",
    "12345678901234567890123456789012345678|12345678901234567890123456789012345678"})
  void parse_numberLiterals_denoteTheirValue(String literal, String expected) {
    assertThat(value(literal)).isEqualTo(n(expected));
  }

  @Test
  void parse_stringLiterals_doubledQuoteEscapesAndAnythingInside() {
    assertThat(value("'it''s'")).isEqualTo(s("it's"));
    assertThat(value("''")).isEqualTo(s(""));
    assertThat(value("'-- \"x\" /* y */ ? 日本'")).isEqualTo(s("-- \"x\" /* y */ ? 日本"));
  }

  @Test
  void parse_scalarKeywordLiterals_anyCase() {
    assertThat(value("TRUE")).isEqualTo(new Expr.Literal(AttributeValue.Bool.TRUE));
    assertThat(value("false")).isEqualTo(new Expr.Literal(AttributeValue.Bool.FALSE));
    assertThat(value("Null")).isEqualTo(new Expr.Literal(AttributeValue.Null.INSTANCE));
    assertThat(value("missing")).isEqualTo(new Expr.Missing());
  }

  @Test
  void parse_collectionLiterals_nestAndMayBeEmpty() {
    assertThat(value("[]")).isEqualTo(new Expr.ListExpr(List.of()));
    assertThat(value("{}")).isEqualTo(new Expr.TupleExpr(List.of()));
    assertThat(value("[[1], {'a': <<2, 3>>}]")).isEqualTo(new Expr.ListExpr(List.of(
        new Expr.ListExpr(List.of(n("1"))),
        new Expr.TupleExpr(List.of(new Expr.TupleExpr.Entry("a", new Expr.BagExpr(List.of(n("2"), n("3")))))))));
  }

  @Test
  void parse_paths_quotedNamesKeepCaseAndEscapesAndMayBeKeywords() {
    assertThat(where("\"Select\".\"a\"\"b\"['c d'][10] = 1")).isEqualTo(new Expr.Comparison(new Expr.PathExpr(List.of(
        new Expr.Step.Name("Select"), new Expr.Step.Name("a\"b"), new Expr.Step.Name("c d"), new Expr.Step.Index(10))),
        Comparator.EQ, n("1")));
  }

  @Test
  void parse_parameters_numberedInOrderOfAppearanceAndCounted() {
    Statement statement = StatementParser.parse("UPDATE t SET a = ?, b = [?, {'k': ?}] WHERE pk = ? AND c IN [?, ?]");

    assertThat(statement.parameterCount()).isEqualTo(6);
    Statement.Update update = (Statement.Update) statement;
    assertThat(((UpdateAction.Set) update.actions().get(0)).value()).isEqualTo(new Expr.Parameter(0));
    assertThat(update.where()).isEqualTo(new Expr.And(
        new Expr.Comparison(path("pk"), Comparator.EQ, new Expr.Parameter(3)),
        new Expr.In(path("c"), List.of(new Expr.Parameter(4), new Expr.Parameter(5)))));
  }

  @Test
  void parse_questionMarkInsideStringOrName_isNoParameter() {
    assertThat(StatementParser.parse("SELECT \"?\" FROM t WHERE a = '?'").parameterCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "-- a note\nSELECT * FROM t WHERE pk = 1",
    "SELECT * FROM t -- a note\nWHERE pk = 1",
    "SELECT * FROM t /* a\nnote */ WHERE pk = 1",
    "SELECT * FROM t WHERE pk = 1 /* a note */",
    "SELECT * FROM t WHERE pk = 1 -- a note",
    "  select\t*\r\n  FROM t\n  where pk=1  "})
  void parse_commentsAndWhitespace_areIgnored(String text) {
    // Conformance suite, tier2/partiql/grammar: comments anywhere between tokens, as DynamoDB accepts them.
    assertThat(StatementParser.parse(text)).isEqualTo(new Statement.Select(List.of(), "t", Optional.empty(),
        Optional.of(new Expr.Comparison(path("pk"), Comparator.EQ, n("1"))), List.of(), 0));
  }

  @Test
  void parse_randomStatementsPrinted_parseBackToTheSameTree() {
    SeededRandom seeded = SeededRandom.of("parse_randomStatementsPrinted_parseBackToTheSameTree");
    RandomStatements statements = new RandomStatements(seeded.random());
    StatementPrinter printer = new StatementPrinter(seeded.random());
    for (int i = 0; i < 2_000; i++) {
      Statement statement = statements.statement();
      String text = printer.print(statement);

      assertThat(StatementParser.parse(text)).as("seed %d, statement %d: %s", seeded.seed(), i, text)
          .isEqualTo(statement);
    }
  }
}
