package io.shaledb.core.op.partiql;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.op.partiql.Ast.eq;
import static io.shaledb.core.op.partiql.Ast.path;
import static io.shaledb.core.op.partiql.Ast.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BatchExecuteStatement against the memory engine; messages as dynoxide captured them from the service. */
class BatchExecuteStatementTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final Ast ast = new Ast();
  private final BatchExecuteStatement batch = new BatchExecuteStatement(db, new WritePipeline(db), ast);
  private final TestTables tables = new TestTables(db);

  BatchExecuteStatementTest() {
    tables.create("items", false, false, false);
    tables.put("items", List.of(Map.of("id", s("a"), "x", n(1)), Map.of("id", s("b"), "x", n(2))));
  }

  private BatchExecuteStatementOutput run(Statement... statements) {
    List<BatchStatementRequest> requests = Arrays.stream(statements).map(statement -> new BatchStatementRequest(
        ast.define(statement.toString(), statement), null, null, null,
        Choice.of(ReturnValuesOnConditionCheckFailure.ALL_OLD))).toList();
    return Requests.run(batch, new BatchExecuteStatementInput(requests, Choice.of(ReturnConsumedCapacity.TOTAL)));
  }

  @Test
  void batch_reads_answerEachItemWithItsTable_andAKeylessSelectFailsAlone() {
    BatchExecuteStatementOutput out = run(Ast.selectAll("items", eq(path("id"), value(s("a"))), 0),
        Ast.selectAll("items", eq(path("id"), value(s("none"))), 0),
        Ast.selectAll("items", eq(path("x"), value(n(2))), 0),
        Ast.selectAll("missing", eq(path("id"), value(s("a"))), 0));

    assertThat(Ast.attributes(out.responses().get(0).item())).isEqualTo(Map.of("id", s("a"), "x", n(1)));
    assertThat(out.responses().get(0).tableName()).isEqualTo("items");
    assertThat(out.responses().get(1)).isEqualTo(new BatchStatementResponse(null, "items", null));
    assertThat(out.responses().get(2)).isEqualTo(new BatchStatementResponse(new BatchStatementError(
        BatchStatementErrorCode.ValidationError,
        "Select statements within BatchExecuteStatement must specify the primary key in the where clause.", null),
        null, null));
    assertThat(out.responses().get(3)).isEqualTo(new BatchStatementResponse(new BatchStatementError(
        BatchStatementErrorCode.ResourceNotFound, "Requested resource not found", null), "missing", null));
    assertThat(out.consumedCapacity()).singleElement()
        .satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(1.0));
  }

  @Test
  void batch_writes_eachRunsAlone_andAFailedOneAnswersItsErrorInItsPlace() {
    BatchExecuteStatementOutput out = run(Ast.insert("items", Map.of("id", value(s("c"))), 0),
        Ast.insert("items", Map.of("id", value(s("a"))), 0),
        Ast.update("items", List.of(Ast.set(path("x"), value(n(5)))),
            Ast.and(eq(path("id"), value(s("b"))), eq(path("x"), value(n(9)))), Returning.NONE));

    assertThat(out.responses().get(0)).isEqualTo(new BatchStatementResponse(null, "items", null));
    assertThat(out.responses().get(1)).isEqualTo(new BatchStatementResponse(new BatchStatementError(
        BatchStatementErrorCode.DuplicateItem, "Duplicate primary key exists in table", null), "items", null));
    assertThat(out.responses().get(2)).isEqualTo(new BatchStatementResponse(new BatchStatementError(
        BatchStatementErrorCode.ConditionalCheckFailed, "The conditional request failed",
        Map.of("id", s("b"), "x", n(2))), "items", null));
    assertThat(tables.get("items", Map.of("id", s("c")))).isEqualTo(Map.of("id", s("c")));
    // The two refused writes are charged a unit each beside the insert's (dynoxide's captures of the service).
    assertThat(out.consumedCapacity()).singleElement()
        .satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(3.0));
  }

  @Test
  void batch_refusedInsert_chargedOnTheLargerOfItsItemAndTheStoredOne_onlyBesideASuccess() {
    String large = "x".repeat(2500);
    BatchExecuteStatementOutput failuresOnly = run(Ast.insert("items", Map.of("id", value(s("a")),
        "pad", value(s(large))), 0));
    BatchExecuteStatementOutput beside = run(Ast.insert("items", Map.of("id", value(s("d"))), 0),
        Ast.insert("items", Map.of("id", value(s("a")), "pad", value(s(large))), 0));

    assertThat(failuresOnly.consumedCapacity()).isEmpty();
    assertThat(beside.consumedCapacity()).singleElement()
        .satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
  }

  @Test
  void batch_readsWithWrites_isRefusedWhole() {
    assertThatThrownBy(() -> run(Ast.selectAll("items", eq(path("id"), value(s("a"))), 0),
        Ast.delete("items", eq(path("id"), value(s("b"))), Returning.NONE)))
        .hasMessage("Read and write requests together in the same batch is not supported.");
    assertThat(tables.get("items", Map.of("id", s("b")))).isNotNull();
  }

  @Test
  void batch_oneItemTwice_isRefusedWhole() {
    assertThatThrownBy(() -> run(Ast.delete("items", eq(path("id"), value(s("a"))), Returning.NONE),
        Ast.update("items", List.of(Ast.set(path("x"), value(n(5)))), eq(path("id"), value(s("a"))),
            Returning.NONE)))
        .hasMessage("Provided list of item keys contains duplicates");
  }

  @Test
  void batch_unparsableStatement_failsAloneAsValidationError() {
    BatchStatementRequest bad = new BatchStatementRequest("SELEC", null, null, null, null);
    BatchExecuteStatementOutput out = Requests.run(batch, new BatchExecuteStatementInput(List.of(bad), null));

    assertThat(out.responses()).singleElement().satisfies(r -> {
      assertThat(r.error().code()).isEqualTo(BatchStatementErrorCode.ValidationError);
      assertThat(r.tableName()).isNull();
    });
  }

  @Test
  void batch_moreThan25Statements_isRefused() {
    Statement[] statements = new Statement[26];
    Arrays.fill(statements, Ast.selectAll("items", eq(path("id"), value(s("a"))), 0));

    assertThatThrownBy(() -> run(statements)).hasMessage("Too many statements in BatchExecuteStatement; limit is 25");
  }
}
