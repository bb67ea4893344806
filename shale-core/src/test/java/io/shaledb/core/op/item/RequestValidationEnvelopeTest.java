package io.shaledb.core.op.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.validate.ConstraintViolations;
import org.junit.jupiter.api.Test;

class RequestValidationEnvelopeTest {

  @Test
  void reported_requestValidation_isEnvelopedOnce() {
    DynamoException reported = RequestValidationEnvelope.reported(
        DynamoException.requestValidation("ReturnValues can only be ALL_OLD or NONE"));

    assertThat(reported.code()).isEqualTo(ErrorCode.VALIDATION);
    assertThat(reported.getMessage())
        .isEqualTo("1 validation error detected: ReturnValues can only be ALL_OLD or NONE");
    assertThat(reported.isRequestValidation()).isFalse();
  }

  @Test
  void reported_otherValidation_evenWordedLikeTheEnvelope_isUnchanged() {
    DynamoException bare = DynamoException.validation("1 validation error detected: looks enveloped");

    assertThat(RequestValidationEnvelope.reported(bare)).isSameAs(bare);
  }

  @Test
  void reported_declaredConstraintViolations_keepTheirOneEnvelope() {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("item", null);

    assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(RequestValidationEnvelope.reported(e)).isSameAs(e));
  }
}
