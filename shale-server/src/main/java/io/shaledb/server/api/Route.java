package io.shaledb.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.Operation;
import io.shaledb.server.json.JsonInput;
import java.io.IOException;

/**
 * One API operation wired to the wire: how its request is read, the operation that runs it and how its response
 * is written. The phases run in DynamoDB's order: deserialize, declared constraints, attribute value errors, then
 * the operation.
 */
record Route<I, O>(RequestReader<I> reader, Operation<I, O> operation, ResponseWriter<O> writer) {

  @FunctionalInterface
  interface RequestReader<I> {
    I read(JsonInput in) throws IOException;
  }

  @FunctionalInterface
  interface ResponseWriter<O> {
    void write(JsonGenerator g, O output) throws IOException;
  }

  void run(JsonInput in, JsonGenerator out) throws IOException {
    I input = reader.read(in);
    operation.validate(input);
    if (in.deferredError() != null) {
      throw in.deferredError();
    }
    writer.write(out, operation.execute(input));
  }
}
