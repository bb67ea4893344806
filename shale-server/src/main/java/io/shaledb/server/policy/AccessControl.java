package io.shaledb.server.policy;

import io.shaledb.core.op.RequestContext;
import org.jspecify.annotations.Nullable;

/** Decides whether a call may run, after its input passed validation and before the operation runs. */
@FunctionalInterface
public interface AccessControl {
  /** Lets every call run: for servers without the principal store (tests of the transport, benchmarks). */
  AccessControl NONE = (operation, input, context, sourceIp) -> {};

  /**
   * @param operation the API operation, such as {@code GetItem}
   * @param input the decoded input, validated
   * @param sourceIp the client's address, or null when the call did not come over the network
   * @throws io.shaledb.core.error.DynamoException AccessDeniedException
   */
  void authorize(String operation, @Nullable Object input, RequestContext context, @Nullable String sourceIp);

  /**
   * Authorizes the call, and answers the input to run: {@code input} itself, unless parts of it are refused in their
   * place (the statements of a BatchExecuteStatement that the caller may not run, answered each with its error).
   *
   * @throws io.shaledb.core.error.DynamoException AccessDeniedException when the call is refused whole
   */
  default @Nullable Object admit(String operation, @Nullable Object input, RequestContext context,
      @Nullable String sourceIp) {
    authorize(operation, input, context, sourceIp);
    return input;
  }
}
