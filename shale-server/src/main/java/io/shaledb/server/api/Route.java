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
   * Reads the call, checks its input and lets {@code gate} decide whether it may run, which it sees once the input is
   * valid, so that a caller learns nothing of tables it may not touch from a malformed request's errors either way.
   *
   * @return the call with only its execution left
   */
  Admitted<I, O> admit(JsonInput in, Gate gate) {
    I input = read(in);
    try {
      operation.validate(input);
      if (in.deferredError() != null) {
        throw in.deferredError();
      }
      return new Admitted<>(this, admitted(gate, input));
    } catch (DynamoException e) {
      throw operation.reported(e);
    }
  }

  /**
   * A call read, validated and let run, with only its execution left: the form a call handed from a thread that
   * must not block to one that may is handed over in, so that neither its body nor its access is checked again.
   */
  record Admitted<I, O>(Route<I, O> route, I input) {
    /**
     * Runs the call and writes its output; with {@code mayBlock} false, without waiting for I/O.
     *
     * @return the operation's output, once written
     * @throws WouldBlockException when it would have to wait, before anything was written; it may run again then
     */
    O run(JsonGenerator out, RequestContext context, boolean mayBlock) throws IOException {
      O output;
      try {
        output = mayBlock ? route.operation.execute(input, context) : route.executeWithoutBlocking(input, context);
      } catch (DynamoException e) {
        throw route.operation.reported(e);
      }
      route.writer.write(out, output);
      return output;
    }
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
