package io.shaledb.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.storage.ForwardingEngine;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.protocol.ApiRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call tried on the event loop that would have to wait is handed to a worker as what is left of it: its body is
 * parsed and its caller's access checked once, on the event loop, and the worker only runs it.
 */
class HandOffTest {
  private static final String GET = "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}}}";

  /** The cluster's engine as the event loop sees it: every read without blocking would wait. */
  private static final class AlwaysWaits extends ForwardingEngine {
    AlwaysWaits() {
      super(new MemoryEngine());
    }

    @Override
    public byte[] getWithoutBlocking(byte[] key) {
      throw new WouldBlockException(WouldBlockException.Reason.IO);
    }
  }

  private final AlwaysWaits engine = new AlwaysWaits();
  /** The operations access control was asked about, in order. */
  private final List<String> authorized = new CopyOnWriteArrayList<>();
  private final DynamoApi api = new DynamoApi(new Database(engine, Clock.systemUTC(), "us-east-1"), null,
      (operation, input, context, sourceIp) -> authorized.add(operation), Map.of());

  @AfterEach
  void close() {
    api.close();
    engine.close();
  }

  private static ApiRequest request(String operation) {
    return new ApiRequest("DynamoDB_20120810." + operation, "id", Principal.caller("AKIDEXAMPLE"), "localhost", null,
        RequestObserver.failuresOnly().start("id"));
  }

  private String handle(String operation, String body) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    api.handle(request(operation), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), response);
    return response.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aGetItemThatWouldWaitIsFinishedByTheWorkerWithoutBeingParsedOrAuthorizedAgain() throws IOException {
    handle("CreateTable", "{\"TableName\":\"tbl\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
    handle("PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}");
    authorized.clear();
    ByteArrayInputStream body = new ByteArrayInputStream(GET.getBytes(StandardCharsets.UTF_8));

    ApiHandler.Attempt attempt = api.handleWithoutBlocking(request("GetItem"), body, new ByteArrayOutputStream());

    assertThat(attempt).isInstanceOf(ApiHandler.Attempt.Deferred.class);
    assertThat(authorized).containsExactly("GetItem");
    assertThat(body.available()).as("the body was read").isZero();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    ((ApiHandler.Attempt.Deferred) attempt).rest().finish(response);
    assertThat(response.toString(StandardCharsets.UTF_8))
        .as("answered from the input read on the event loop: the body's stream is at its end")
        .isEqualTo("{\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}");
    assertThat(authorized).as("access was checked once").containsExactly("GetItem");
  }

  @Test
  void aCallNotTriedWithoutBlockingIsHandedOverWhole() throws IOException {
    ByteArrayInputStream body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

    ApiHandler.Attempt attempt = api.handleWithoutBlocking(request("ListTables"), body, new ByteArrayOutputStream());

    assertThat(attempt).isInstanceOf(ApiHandler.Attempt.Deferred.class);
    assertThat(authorized).as("nothing was run").isEmpty();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    ((ApiHandler.Attempt.Deferred) attempt).rest().finish(response);
    assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"TableNames\":[]}");
    assertThat(authorized).containsExactly("ListTables");
  }
}
