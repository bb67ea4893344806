package io.shaledb.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.NonBlockingOperation;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.server.json.JsonInput;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One API operation wired to the wire: how its request is read, the operation that runs it and how its response
 * is written. The phases run in DynamoDB's order: deserialize, declared constraints, attribute value errors, then
 * the operation.
 */
record Route<I, O>(String name, RequestReader<I> reader, Operation<I, O> operation, ResponseWriter<O> writer) {

  /** A route not yet named: {@link #named} gives it the operation name its X-Amz-Target holds. */
  Route(RequestReader<I> reader, Operation<I, O> operation, ResponseWriter<O> writer) {
    this("", reader, operation, writer);
  }

  Route<I, O> named(String operationName) {
    return new Route<>(operationName, reader, operation, writer);
  }

  /**
   * Decides whether a validated input may run (access control): answers the input to run, the one given or, where
   * parts of a call are refused in their place (a BatchExecuteStatement's statements), one of the same type.
   */
  @FunctionalInterface
  interface Gate {
    @Nullable Object admit(String operation, @Nullable Object input);
  }

  @FunctionalInterface
  interface RequestReader<I> {
    @Nullable I read(JsonInput in) throws IOException;
  }

  @FunctionalInterface
  interface ResponseWriter<O> {
    void write(JsonGenerator g, O output) throws IOException;
  }

  /** Whether the operation can try to run without waiting for I/O. */
  boolean nonBlocking() {
    return operation instanceof NonBlockingOperation;
  }

  /**
   * Runs the call; with {@code mayBlock} false, without waiting for I/O. The {@code gate} sees the input once it is
   * valid, so that a caller learns nothing of tables it may not touch from a malformed request's errors either way.
   *
   * @return the operation's output, once written
   * @throws WouldBlockException when it would have to wait, before anything was written
   */
  O run(JsonInput in, JsonGenerator out, RequestContext context, boolean mayBlock, Gate gate) throws IOException {
    I input = read(in);
    O output;
    try {
      operation.validate(input);
      if (in.deferredError() != null) {
        throw in.deferredError();
      }
      I admitted = admitted(gate, input);
      output = mayBlock ? operation.execute(admitted, context) : executeWithoutBlocking(admitted, context);
    } catch (DynamoException e) {
      throw operation.reported(e);
    }
    writer.write(out, output);
    return output;
  }

  /** The input {@code gate} lets run: a gate answers the input it was given, or one of the same record type. */
  @SuppressWarnings({"unchecked", "NullAway"})
  private I admitted(Gate gate, I input) {
    return (I) gate.admit(name, input);
  }

  /**
   * The decoded request. It is null for an operation without input (Void) and for a request that is a single member
   * when that member is absent (a TableName), which the operation's validate refuses; NullAway, outside JSpecify
   * mode, cannot see a nullable type argument, so it would take the input for non-null.
   */
  @SuppressWarnings("NullAway")
  private I read(JsonInput in) {
    return in.readRequest(reader::read);
  }

  private O executeWithoutBlocking(I input, RequestContext context) {
    if (operation instanceof NonBlockingOperation<I, O> nonBlocking) {
      return nonBlocking.executeWithoutBlocking(input, context);
    }
    throw new WouldBlockException(WouldBlockException.Reason.ALWAYS);
  }
}
