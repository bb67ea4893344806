package io.shaledb.core.op.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsInput;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsOutput;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.stream.StreamDescriptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListStreams against the memory engine: every stream, or one table's, in pages by ARN. */
class ListStreamsTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);
  private final ListStreams list = new ListStreams(db);

  ListStreamsTest() {
    for (String name : List.of("alpha", "bravo", "charlie")) {
      tables.create(name, false, false, true);
    }
    tables.create("quiet", false, false, false);
  }

  private ListStreamsOutput execute(String table, Long limit, String exclusiveStart) {
    ListStreamsInput input = new ListStreamsInput(table, limit, exclusiveStart);
    return Requests.run(list, input);
  }

  @Test
  void streams_ofEveryTable_inPages() {
    List<String> tablesSeen = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      ListStreamsOutput page = execute(null, 2L, start);
      page.streams().forEach(stream -> tablesSeen.add(stream.tableName()));
      start = page.lastEvaluatedStreamArn();
      pages++;
    } while (start != null && pages < 10);

    assertThat(tablesSeen).containsExactly("alpha", "bravo", "charlie");
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void streams_ofOneTable_includingItsDeletedTablesStream() {
    tables.delete("bravo");

    assertThat(execute("bravo", null, null).streams()).singleElement()
        .satisfies(stream -> assertThat(stream.closed()).isNotNull());
    assertThat(execute("quiet", null, null).streams()).isEmpty();
    assertThat(execute(null, null, null).streams()).extracting(StreamDescriptor::tableName)
        .containsExactly("alpha", "bravo", "charlie");
  }
}
