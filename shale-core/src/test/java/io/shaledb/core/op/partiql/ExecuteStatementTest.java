package io.shaledb.core.op.partiql;

import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static io.shaledb.core.op.partiql.Ast.and;
import static io.shaledb.core.op.partiql.Ast.call;
import static io.shaledb.core.op.partiql.Ast.compare;
import static io.shaledb.core.op.partiql.Ast.eq;
import static io.shaledb.core.op.partiql.Ast.param;
import static io.shaledb.core.op.partiql.Ast.path;
import static io.shaledb.core.op.partiql.Ast.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ExecuteStatement against the memory engine, on statements built as the parser builds them. Messages are DynamoDB's
 * as dynoxide captured them from the service, unless a test says otherwise.
 */
class ExecuteStatementTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final Ast ast = new Ast();
  private final ExecuteStatement execute = new ExecuteStatement(db, new WritePipeline(db), ast);
  private final TestTables tables = new TestTables(db);

  ExecuteStatementTest() {
    tables.create("items", true, false, true);
    tables.create("ranged", false, true, false);
  }

  private ExecuteStatementOutput run(Statement statement, AttributeValue... parameters) {
    return run(statement, null, null, parameters);
  }

  private ExecuteStatementOutput run(Statement statement, Long limit, String nextToken,
      AttributeValue... parameters) {
    String text = ast.define(statement.toString(), statement);
    return Requests.run(execute, new ExecuteStatementInput(text, parameters.length == 0 ? null : List.of(parameters),
        null, nextToken, Choice.of(ReturnConsumedCapacity.TOTAL), limit, null));
  }

  private static List<Map<String, AttributeValue>> decoded(List<PageItem> items) {
    return items.stream().map(Ast::attributes).toList();
  }

  private void putRanged(String id, String rk, long x) {
    tables.put("ranged", List.of(Map.of("id", s(id), "rk", s(rk), "x", n(x))));
  }

  @Test
  void insert_newItem_storesIt_andAnotherWithItsKey_isDuplicateItem() {
    Map<String, Expr> item = new LinkedHashMap<>();
    item.put("id", value(s("a")));
    item.put("tags", new Expr.BagExpr(List.of(value(s("x")), value(s("y")))));
    item.put("doc", new Expr.TupleExpr(List.of(new Expr.TupleExpr.Entry("k", new Expr.ListExpr(List.of(
        value(n(1)), param(0)))), new Expr.TupleExpr.Entry("gone", new Expr.Missing()))));
    ExecuteStatementOutput out = run(Ast.insert("items", item, 1), s("p"));

    assertThat(out.items()).isNull();
    assertThat(out.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(tables.get("items", Map.of("id", s("a")))).isEqualTo(
        Map.of("id", s("a"), "tags", ss("x", "y"), "doc", m(Map.of("k", l(n(1), s("p"))))));
    assertThatThrownBy(() -> run(Ast.insert("items", Map.of("id", value(s("a"))), 0)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);
          assertThat(e.getMessage()).isEqualTo("Duplicate primary key exists in table");
        });
  }

  @Test
  void executeWithoutBlocking_pointSelect_answersAsExecute_otherwiseWouldBlock() {
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1))));
    String point = ast.define("point", Ast.selectAll("items", eq(path("id"), param(0)), 1));
    String scan = ast.define("scan", Ast.selectAll("items", compare(path("x"), Comparator.GT, value(n(0))), 0));

    ExecuteStatementOutput out = execute.executeWithoutBlocking(new ExecuteStatementInput(point, List.of(s("a")), null,
        null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), Requests.request());

    assertThat(decoded(out.items())).containsExactly(Map.of("id", s("a"), "x", n(1)));
    assertThat(out.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    assertThatThrownBy(() -> execute.executeWithoutBlocking(new ExecuteStatementInput(scan, null, null, null, null,
        null, null), Requests.request())).isInstanceOf(WouldBlockException.class);
  }

  @Test
  void select_wholeKey_isAPointRead_chargedAsGetItem() {
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1)), Map.of("id", s("b"), "x", n(2))));

    ExecuteStatementOutput hit = run(Ast.selectAll("items", eq(path("id"), param(0)), 1), s("a"));
    ExecuteStatementOutput filtered = run(Ast.selectAll("items", and(eq(path("id"), value(s("a"))),
        compare(path("x"), Comparator.GT, value(n(5)))), 0));

    assertThat(decoded(hit.items())).containsExactly(Map.of("id", s("a"), "x", n(1)));
    assertThat(hit.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    assertThat(hit.nextToken()).isNull();
    assertThat(filtered.items()).isEmpty();
  }

  @Test
  void select_partitionKey_readsThePartitionInSortKeyOrder_descendingWithOrderByDesc() {
    putRanged("p", "b", 2);
    putRanged("p", "a", 1);
    putRanged("p", "c", 3);
    putRanged("q", "a", 9);

    ExecuteStatementOutput ascending = run(Ast.select(List.of(path("rk")), "ranged", Optional.empty(),
        and(eq(path("id"), value(s("p"))), compare(path("rk"), Comparator.GE, value(s("b")))), List.of()));
    ExecuteStatementOutput descending = run(Ast.select(List.of(path("rk")), "ranged", Optional.empty(),
        eq(path("id"), value(s("p"))), List.of(new Statement.OrderBy(path("rk"), true))));

    assertThat(decoded(ascending.items())).containsExactly(Map.of("rk", s("b")), Map.of("rk", s("c")));
    assertThat(decoded(descending.items())).containsExactly(Map.of("rk", s("c")), Map.of("rk", s("b")),
        Map.of("rk", s("a")));
  }

  @Test
  void select_withoutPartitionKey_scansTheTable_andLimitPagesWithNextToken() {
    for (int i = 0; i < 7; i++) {
      tables.put("items", List.of(Map.of("id", s("k" + i), "x", n(i))));
    }
    List<Map<String, AttributeValue>> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ExecuteStatementOutput page = run(Ast.selectAll("items", compare(path("x"), Comparator.GE, value(n(0))), 0),
          3L, token);
      seen.addAll(decoded(page.items()));
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 10);

    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void select_partitionKeyIn_readsEachPartitionOnce() {
    putRanged("p", "a", 1);
    putRanged("q", "a", 2);
    putRanged("r", "a", 3);
    Expr where = new Expr.In(path("id"), List.of(value(s("p")), value(s("r")), value(s("p"))));

    List<Map<String, AttributeValue>> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ExecuteStatementOutput page = run(Ast.select(List.of(path("x")), "ranged", Optional.empty(), where, List.of()),
          1L, token);
      seen.addAll(decoded(page.items()));
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 10);

    assertThat(seen).containsExactly(Map.of("x", n(1)), Map.of("x", n(3)));
  }

  @Test
  void select_partitionKeyIn_stopsThePageAtOneMegabyteAcrossItsPartitions() {
    String pad = "x".repeat(250_000);
    for (String partition : List.of("p", "q")) {
      for (int i = 0; i < 3; i++) {
        tables.put("ranged", List.of(Map.of("id", s(partition), "rk", s("r" + i), "pad", s(pad))));
      }
    }
    Statement select = Ast.select(List.of(path("rk")), "ranged", Optional.empty(),
        new Expr.In(path("id"), List.of(value(s("p")), value(s("q")))), List.of());

    ExecuteStatementOutput first = run(select);
    ExecuteStatementOutput second = run(select, null, first.nextToken());

    // 3 items of p and 2 of q reach 1 MB: the item that crosses the limit is the page's last, as for Query.
    assertThat(first.items()).hasSize(5);
    assertThat(first.nextToken()).isNotNull();
    assertThat(decoded(second.items())).containsExactly(Map.of("rk", s("r2")));
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void select_nestedPath_isAnsweredUnderItsLastName() {
    tables.put("items", List.of(Map.of("id", s("a"), "m", m(Map.of("inner", l(s("zero"), m(Map.of("c", n(7)))))))));

    ExecuteStatementOutput out = run(Ast.select(List.of(path("m", "inner", 1, "c"), path("absent")), "items",
        Optional.empty(), eq(path("id"), value(s("a"))), List.of()));

    assertThat(decoded(out.items())).containsExactly(Map.of("c", n(7)));
  }

  @Test
  void select_orderByWithoutPartitionKey_isRefused() {
    assertThatThrownBy(() -> run(Ast.select(List.of(), "ranged", Optional.empty(), null,
        List.of(new Statement.OrderBy(path("rk"), false)))))
        .hasMessage("Must have WHERE clause in the statement when using ORDER BY clause.");
  }

  /** DynamoDB Local 3.3.1's messages; the service's are not recorded. */
  @Test
  void select_orderByOtherThanAKeyOfAPinnedPartition_isRefused() {
    Expr pinned = eq(path("id"), value(s("p")));

    assertThatThrownBy(() -> run(Ast.select(List.of(), "ranged", Optional.empty(),
        compare(path("x"), Comparator.GT, value(n(1))), List.of(new Statement.OrderBy(path("rk"), false)))))
        .hasMessage("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY"
            + " clause.");
    assertThatThrownBy(() -> run(Ast.select(List.of(), "ranged", Optional.empty(), pinned,
        List.of(new Statement.OrderBy(path("x"), false)))))
        .hasMessage("Variable reference x in ORDER BY clause must be part of the primary key");
    assertThatThrownBy(() -> run(Ast.select(List.of(), "ranged", Optional.empty(), pinned,
        List.of(new Statement.OrderBy(path("rk", "inner"), false)))))
        .hasMessage("Argument to ORDER BY must be of type VariableReference. Type: PATH");
  }

  @Test
  void select_badNextToken_isInvalidNextToken() {
    assertThatThrownBy(() -> run(Ast.selectAll("items", null, 0), null, "AAAA"))
        .hasMessage("Invalid NextToken");
  }

  @Test
  void update_setsAndRemoves_returningEachMode() {
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1), "y", s("why"), "n", n(10))));
    Expr where = eq(path("id"), value(s("a")));

    ExecuteStatementOutput modifiedNew = run(Ast.update("items", List.of(Ast.set(path("x"), value(n(2))),
        Ast.set(path("n"), new Expr.Arithmetic(path("n"), Expr.ArithmeticOp.ADD, value(n(5)))),
        Ast.remove(path("y"))), where, Returning.MODIFIED_NEW));
    ExecuteStatementOutput allOld = run(Ast.update("items", List.of(Ast.set(path("x"), value(n(3)))), where,
        Returning.ALL_OLD));
    ExecuteStatementOutput none = run(Ast.update("items", List.of(Ast.set(path("x"), value(n(4)))), where,
        Returning.NONE));

    assertThat(decoded(modifiedNew.items())).containsExactly(Map.of("x", n(2), "n", n(15)));
    assertThat(decoded(allOld.items())).containsExactly(Map.of("id", s("a"), "x", n(2), "n", n(15)));
    assertThat(none.items()).isNull();
    assertThat(tables.get("items", Map.of("id", s("a")))).isEqualTo(Map.of("id", s("a"), "x", n(4), "n", n(15)));
  }

  @Test
  void update_setAddAndListAppend_applyAsAddAndListAppend() {
    tables.put("items", List.of(Map.of("id", s("a"), "tags", ss("x"), "list", l(n(1)))));

    run(Ast.update("items", List.of(
        Ast.set(path("tags"), call(Expr.Function.SET_ADD, path("tags"), new Expr.BagExpr(List.of(value(s("y")))))),
        Ast.set(path("list"), call(Expr.Function.LIST_APPEND, path("list"), new Expr.ListExpr(List.of(value(n(2))))))),
        eq(path("id"), value(s("a"))), Returning.NONE));

    assertThat(tables.get("items", Map.of("id", s("a")))).isEqualTo(
        Map.of("id", s("a"), "tags", ss("x", "y"), "list", l(n(1), n(2))));
  }

  @Test
  void update_absentItem_failsItsCondition_withTheOldItemWhenAsked() {
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1))));
    Statement.Update absent = Ast.update("items", List.of(Ast.set(path("x"), value(n(2)))),
        eq(path("id"), value(s("zz"))), Returning.NONE);
    Statement.Update unmet = Ast.update("items", List.of(Ast.set(path("x"), value(n(2)))),
        and(eq(path("id"), value(s("a"))), eq(path("x"), value(n(9)))), Returning.NONE);

    assertThatThrownBy(() -> run(absent)).isInstanceOfSatisfying(DynamoException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
      assertThat(e.getMessage()).isEqualTo("The conditional request failed");
    });
    String text = ast.define("unmet", unmet);
    assertThatThrownBy(() -> Requests.run(execute, new ExecuteStatementInput(text, null, null, null, null, null,
        Choice.of(ReturnValuesOnConditionCheckFailure.ALL_OLD))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.extra()).containsEntry("Item", Map.of("id", s("a"), "x", n(1))));
    assertThat(tables.get("items", Map.of("id", s("zz")))).isNull();
  }

  @Test
  void update_withoutTheWholeKey_isRefused() {
    assertThatThrownBy(() -> run(Ast.update("ranged", List.of(Ast.set(path("x"), value(n(2)))),
        eq(path("id"), value(s("a"))), Returning.NONE)))
        .hasMessage("Where clause does not contain a mandatory equality on all key attributes");
  }

  @Test
  void delete_returnsTheOldItem_andAnAbsentItemSucceedsWithNone() {
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1))));

    ExecuteStatementOutput deleted = run(Ast.delete("items", eq(path("id"), value(s("a"))), Returning.ALL_OLD));
    ExecuteStatementOutput absent = run(Ast.delete("items", eq(path("id"), value(s("a"))), Returning.ALL_OLD));

    assertThat(decoded(deleted.items())).containsExactly(Map.of("id", s("a"), "x", n(1)));
    assertThat(absent.items()).isEmpty();
  }

  @Test
  void execute_parameterCountMismatch_isRefused() {
    assertThatThrownBy(() -> run(Ast.selectAll("items", eq(path("id"), param(0)), 1)))
        .hasMessage("Number of parameters in request and statement don't match.");
  }

  @Test
  void execute_nextTokenOnAWrite_isRefused() {
    assertThatThrownBy(() -> run(Ast.delete("items", eq(path("id"), value(s("a"))), Returning.NONE), null, "x"))
        .hasMessage("NextToken is only valid on a SELECT statement");
  }

  @Test
  void execute_orderingComparisonWithABoolean_isRefused() {
    assertThatThrownBy(() -> run(Ast.selectAll("items", compare(path("x"), Comparator.LT,
        value(AttributeValue.Bool.TRUE)), 0)))
        .hasMessage("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
  }

  @Test
  void validate_declaredConstraints_areDynamoDbsMessages() {
    assertThatThrownBy(() -> execute.validate(new ExecuteStatementInput("", List.of(), null, null, null, 0L, null)))
        .hasMessage("3 validation errors detected: Value '' at 'statement' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1; Value '[]' at 'parameters' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 1; Value '0' at 'limit' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
  }
}
