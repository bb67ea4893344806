package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListTables against the memory engine; messages as GoldenErrorsIT (tables.txt) checks them. */
class ListTablesTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final ListTables list = new ListTables(db);

  ListTablesTest() {
    TestTables tables = new TestTables(db);
    for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
      tables.create(name, false, false, false);
    }
  }

  private ListTablesOutput execute(String exclusiveStart, Long limit) {
    ListTablesInput input = new ListTablesInput(exclusiveStart, limit);
    return Requests.run(list, input);
  }

  @Test
  void names_comeInOrder_inPagesThatFollowTheLastName() {
    List<String> seen = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      ListTablesOutput page = execute(start, 2L);
      seen.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
      pages++;
    } while (start != null && pages < 10);

    assertThat(seen).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
    assertThat(pages).isEqualTo(3);
    assertThat(execute(null, null).tableNames()).hasSize(5);
    assertThat(execute("bzz", null).tableNames()).containsExactly("charlie", "delta", "echo");
  }

  @Test
  void validate_limitAndStartName() {
    assertThatThrownBy(() -> list.validate(new ListTablesInput("89hls;;f;d", 2_147_483_647L)))
        .hasMessage("2 validation errors detected: Value '2147483647' at 'limit' failed to satisfy constraint: Member"
            + " must have value less than or equal to 100; Value '89hls;;f;d' at 'exclusiveStartTableName' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }
}
