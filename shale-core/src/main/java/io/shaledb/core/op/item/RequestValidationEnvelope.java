package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.List;

/**
 * How PutItem and UpdateItem word the errors of DynamoDB's request validation: inside the envelope of declared
 * constraint violations, {@code "1 validation error detected: <message>"}, while every other operation (and
 * transactions and batches carrying the same writes) reports the same check bare. The families are the ones
 * {@link DynamoException#requestValidation} marks; data-plane errors (keys, item size, update paths) stay bare.
 *
 * <p>The split is dynoxide's capture of the service's answers (July 2026, "confirmed against real DynamoDB"), with
 * the conformance suite's later captures (eu-west-2 and us-east-1, October 2026: empty expressions, names or values
 * without an expression, malformed Expected conditions); the envelope is not applied twice since declared
 * constraint violations are never marked.
 */
final class RequestValidationEnvelope {
  private RequestValidationEnvelope() {}

  static DynamoException reported(DynamoException error) {
    return error.isRequestValidation()
        ? new DynamoException(error.code(), ConstraintViolations.detected(List.of(error.envelopedMessage())),
            error.extra())
        : error;
  }
}
