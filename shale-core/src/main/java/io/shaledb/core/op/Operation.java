package io.shaledb.core.op;

import io.shaledb.core.error.DynamoException;

/**
 * One DynamoDB API operation, validated in DynamoDB's phase order: first {@link #validate} checks the input's
 * declared constraints (reported together as "N validation errors detected"); the caller then raises any error
 * found while decoding attribute values; then {@link #execute} runs the semantic checks, the table lookup, the
 * conditions and the work itself. Errors are thrown as {@link io.shaledb.core.error.DynamoException}.
 *
 * @param <I> the operation's input record, as decoded from the wire with nothing validated yet
 * @param <O> the operation's output record
 */
public interface Operation<I, O> {

  /** Checks the declared constraints of {@code input} (null, length, range, pattern, enum). */
  void validate(I input);

  /**
   * Runs the operation on an input that passed {@link #validate}, for the request {@code context} describes; the
   * capacity it consumes is charged to the context's meter.
   */
  O execute(I input, RequestContext context);

  /**
   * The error this operation answers for {@code error}, raised by any of its phases (including the attribute value
   * errors its caller found while decoding the input); the caller applies it once, around all of them. The error
   * itself unless the operation words some errors as DynamoDB does for it alone.
   */
  default DynamoException reported(DynamoException error) {
    return error;
  }
}
