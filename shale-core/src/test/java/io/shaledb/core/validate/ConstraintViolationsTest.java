package io.shaledb.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.BillingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintViolationsTest {

  @Test
  void none_throwsNothing() {
    assertThatCode(() -> new ConstraintViolations().notNull("a", "x").throwIfAny()).doesNotThrowAnyException();
  }

  @Test
  void one_isSingular() {
    assertThatThrownBy(() -> new ConstraintViolations().notNull("tableName", null).throwIfAny())
        .isInstanceOfSatisfying(DynamoException.class, e -> org.assertj.core.api.Assertions
            .assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void several_areJoinedInOrder() {
    assertThatThrownBy(() -> new ConstraintViolations()
            .resourceName("tableName", "a;")
            .length("tableName", "a;", 3, 255)
            .oneOf("billingMode", Choice.of("X", BillingMode.class), BillingMode.values())
            .range("limit", 0L, 1, 100)
            .throwIfAny())
        .hasMessage("4 validation errors detected: "
            + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression"
            + " pattern: [a-zA-Z0-9_.-]+; "
            + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater than or"
            + " equal to 3; "
            + "Value 'X' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [PROVISIONED, PAY_PER_REQUEST]; "
            + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal"
            + " to 1");
  }

  @Test
  void moreThanTen_listsTen() {
    ConstraintViolations v = new ConstraintViolations();
    for (int i = 0; i < 12; i++) {
      v.notNull("m" + i, null);
    }
    assertThatThrownBy(v::throwIfAny)
        .hasMessageStartingWith("12 validation errors detected: ")
        .hasMessageContaining("'m9'")
        .hasMessageNotContaining("'m10'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "A-b.c_9", "0.0", "---"})
  void resourceName_acceptsThePatternsCharacters(String name) {
    assertThatCode(() -> new ConstraintViolations().resourceName("tableName", name).throwIfAny())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "tab/le", "caf\u00e9", "a:b", "x\u0000"})
  void resourceName_rejectsEverythingElse(String name) {
    assertThatThrownBy(() -> new ConstraintViolations().resourceName("tableName", name).throwIfAny())
        .hasMessageEndingWith("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }
}
