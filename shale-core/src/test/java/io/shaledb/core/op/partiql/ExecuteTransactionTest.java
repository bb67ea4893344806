package io.shaledb.core.op.partiql;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.op.partiql.Ast.eq;
import static io.shaledb.core.op.partiql.Ast.path;
import static io.shaledb.core.op.partiql.Ast.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.CancellationReason;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ExecuteTransaction against the memory engine; messages as dynoxide captured them from the service. */
class ExecuteTransactionTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final Ast ast = new Ast();
  private final ExecuteTransaction transaction = new ExecuteTransaction(db, new WritePipeline(db), ast);
  private final TestTables tables = new TestTables(db);

  ExecuteTransactionTest() {
    tables.create("items", false, false, false);
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1))));
  }

  private ExecuteTransactionOutput run(String token, Statement... statements) {
    List<ParameterizedStatement> requests = Arrays.stream(statements).map(statement -> new ParameterizedStatement(
        ast.define(statement.toString(), statement), null, null)).toList();
    return Requests.run(transaction, new ExecuteTransactionInput(requests, token,
        Choice.of(ReturnConsumedCapacity.TOTAL)));
  }

  @Test
  void transaction_writes_applyTogether_chargedTwice() {
    ExecuteTransactionOutput out = run(null, Ast.insert("items", Map.of("id", value(s("b"))), 0),
        Ast.update("items", List.of(Ast.set(path("x"), value(n(2)))), eq(path("id"), value(s("a"))),
            Returning.NONE));

    assertThat(out.responses()).isEmpty();
    assertThat(out.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
    assertThat(tables.get("items", Map.of("id", s("a")))).isEqualTo(Map.of("id", s("a"), "x", n(2)));
    assertThat(tables.get("items", Map.of("id", s("b")))).isEqualTo(Map.of("id", s("b")));
  }

  @Test
  void transaction_duplicateInsert_cancelsAll_withDuplicateItemInItsPlace() {
    assertThatThrownBy(() -> run(null, Ast.insert("items", Map.of("id", value(s("c"))), 0),
        Ast.insert("items", Map.of("id", value(s("a"))), 0)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELED);
          assertThat(e.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific"
              + " reasons [None, DuplicateItem]");
          assertThat(e.extra().get("CancellationReasons")).isEqualTo(List.of(CancellationReason.NONE,
              new CancellationReason("DuplicateItem", "Duplicate primary key exists in table", null)));
        });
    assertThat(tables.get("items", Map.of("id", s("c")))).isNull();
  }

  @Test
  void transaction_existsCheck_cancelsWithConditionalCheckFailed_whenTheItemDoesNotMeetIt() {
    Statement holds = new Statement.Exists(Ast.selectAll("items", Ast.and(eq(path("id"), value(s("a"))),
        eq(path("x"), value(n(1)))), 0));
    Statement fails = new Statement.Exists(Ast.selectAll("items", eq(path("id"), value(s("absent"))), 0));
    Statement insert = Ast.insert("items", Map.of("id", value(s("b"))), 0);

    run(null, holds, insert);
    assertThatThrownBy(() -> run(null, fails, Ast.insert("items", Map.of("id", value(s("c"))), 0)))
        .hasMessage("Transaction cancelled, please refer cancellation reasons for specific reasons"
            + " [ConditionalCheckFailed, None]");
    assertThat(tables.get("items", Map.of("id", s("b")))).isNotNull();
    assertThat(tables.get("items", Map.of("id", s("c")))).isNull();
  }

  @Test
  void transaction_reads_answerEachItemInOrder_chargedTwice() {
    ExecuteTransactionOutput out = run(null, Ast.selectAll("items", eq(path("id"), value(s("a"))), 0),
        Ast.selectAll("items", eq(path("id"), value(s("none"))), 0));

    assertThat(out.responses()).hasSize(2);
    assertThat(Ast.attributes(out.responses().get(0)))
        .isEqualTo(Map.of("id", s("a"), "x", n(1)));
    assertThat(out.responses().get(1)).isNull();
    assertThat(out.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
  }

  @Test
  void transaction_refusals_areDynamoDbsMessages() {
    assertThatThrownBy(() -> run(null, Ast.selectAll("items", eq(path("id"), value(s("a"))), 0),
        Ast.delete("items", eq(path("id"), value(s("b"))), Returning.NONE)))
        .hasMessage("ExecuteTransaction API does not support both read and write operations in the same request.");
    assertThatThrownBy(() -> run(null, Ast.delete("items", eq(path("id"), value(s("b"))), Returning.NONE),
        Ast.delete("items", eq(path("id"), value(s("a"))), Returning.ALL_OLD)))
        .hasMessage("Validation failed in TransactStatements[1]: RETURNING clause is not supported in"
            + " ExecuteTransaction.");
    assertThatThrownBy(() -> run(null, Ast.delete("items", eq(path("id"), value(s("a"))), Returning.NONE),
        Ast.update("items", List.of(Ast.set(path("x"), value(n(2)))), eq(path("id"), value(s("a"))),
            Returning.NONE)))
        .hasMessage("Transaction request cannot include multiple operations on one item");
    // The conformance suite's capture of the service (partiqlFunctions).
    assertThatThrownBy(() -> run(null, Ast.selectAll("items", eq(path("id"), value(s("a"))), 0),
        Ast.selectAll("items", eq(path("x"), value(n(1))), 0)))
        .hasMessage("Validation failed in TransactStatements[1]: Select statements within ExecuteTransaction must"
            + " specify the primary key in the where clause.");
  }

  @Test
  void transaction_sameTokenTwice_appliesOnce() {
    Statement update = Ast.update("items", List.of(Ast.set(path("x"), new Expr.Arithmetic(path("x"),
        Expr.ArithmeticOp.ADD, value(n(1))))), eq(path("id"), value(s("a"))),
        Returning.NONE);

    run("token-1", update);
    run("token-1", update);

    assertThat(tables.get("items", Map.of("id", s("a")))).isEqualTo(Map.of("id", s("a"), "x", n(2)));
  }
}
