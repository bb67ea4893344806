package io.shaledb.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoNumberTest {

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "1.0, 1",
    "10E-1, 1",
    "0.10, 0.1",
    "-0, 0",
    "0.000, 0",
    "1E+2, 100",
    "+5, 5",
    "-12.3400, -12.34",
    "1E-130, 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
    "12345678901234567890123456789012345678, 12345678901234567890123456789012345678"
  })
  void parse_normalises_toCanonicalText(String input, String canonical) {
    assertThat(DynamoNumber.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "10E-1", "0.1E1", "1.000000"})
  void parse_sameValueWrittenDifferently_isEqual(String input) {
    assertThat(DynamoNumber.parse(input)).isEqualTo(DynamoNumber.parse("1"));
    assertThat(DynamoNumber.parse(input).hashCode()).isEqualTo(DynamoNumber.parse("1").hashCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1..2", "1e", "NaN", "Infinity", " 1", "0x10", "1,5"})
  void parse_notANumber_isValidationError(String input) {
    assertThatThrownBy(() -> DynamoNumber.parse(input))
        .isInstanceOf(DynamoException.class)
        .hasMessage("The parameter cannot be converted to a numeric value: " + input);
  }

  /** The conformance suite's captures of DynamoDB reading PartiQL parameters (partiqlParameterNumbers). */
  @ParameterizedTest
  @ValueSource(strings = {"1e99999999999", "-1e99999999999", "1e-99999999999", "1e2147483648", "1e-2147483648", "abc"})
  void parseParameter_exponentOutsideAnInt_cannotBeConverted(String input) {
    assertThatThrownBy(() -> DynamoNumber.parseParameter(input))
        .hasMessage("The parameter cannot be converted to a numeric value: " + input);
  }

  @Test
  void parseParameter_exponentWrappingPrecisionMinusScale_isUnderflow() {
    assertThatThrownBy(() -> DynamoNumber.parseParameter("1e2147483647"))
        .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  @Test
  void parseParameter_empty_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> DynamoNumber.parseParameter(""))
        .hasMessage("The parameter cannot be converted to a numeric value");
  }

  @Test
  void parseParameter_numberInRange_isTheNumberParseReads() {
    assertThat(DynamoNumber.parseParameter("12.50e1")).isEqualTo(DynamoNumber.parse("125"));
    assertThat(DynamoNumber.parseParameter("0e999")).isEqualTo(DynamoNumber.ZERO);
  }

  @Test
  void parse_trailingZerosFarOutOfRange_isOverflowNotAnArithmeticError() {
    assertThatThrownBy(() -> DynamoNumber.parse("100e2147483647"))
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E126", "-1E126", "1E+200"})
  void parse_tooLarge_isOverflow(String input) {
    assertThatThrownBy(() -> DynamoNumber.parse(input))
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E-131", "-1E-131", "0.9E-130"})
  void parse_tooSmall_isUnderflow(String input) {
    assertThatThrownBy(() -> DynamoNumber.parse(input))
        .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125",
      "1E-130", "1E125"})
  void parse_atTheLimits_isAccepted(String input) {
    assertThat(DynamoNumber.parse(input).signum()).isNotZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789"})
  void parse_39Digits_isRejected(String input) {
    assertThatThrownBy(() -> DynamoNumber.parse(input))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "123.4, 2", "0.05, -2", "-9E125, 125", "1E-130, -130"})
  void leadingExponent_isThatOfTheFirstDigit(String input, int exponent) {
    assertThat(DynamoNumber.parse(input).leadingExponent()).isEqualTo(exponent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-123.45", "0.005", "9.9999999999999999999999999999999999999E+125", "1E-130"})
  void fromParts_rebuildsTheNumber(String text) {
    DynamoNumber n = DynamoNumber.parse(text);
    assertThat(DynamoNumber.fromParts(n.signum(), n.digits(), n.leadingExponent())).isEqualTo(n);
  }

  @Test
  void digits_areTheUnscaledValuesDigits_forRandomNumbers() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
      BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(160) - 80)
          .round(new MathContext(DynamoNumber.MAX_DIGITS));
      DynamoNumber number = DynamoNumber.of(value);
      assertThat(number.digits()).as("seed %d: %s", seed, number)
          .isEqualTo(number.bigDecimalValue().unscaledValue().abs().toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "-123.45", "1500", "0.005", "-9.9999999999999999999999999999999999999E+125",
      "1E-130"})
  void ofCanonical_behavesAsTheParsedNumber(String text) {
    DynamoNumber parsed = DynamoNumber.parse(text);
    DynamoNumber stored = DynamoNumber.ofCanonical(parsed.toString());
    assertThat(stored).isEqualTo(parsed).hasSameHashCodeAs(parsed).isEqualByComparingTo(parsed);
    assertThat(stored.toString()).isEqualTo(parsed.toString());
    assertThat(stored.leadingExponent()).isEqualTo(parsed.leadingExponent());
    assertThat(stored.digits()).isEqualTo(parsed.digits());
    assertThat(DynamoNumber.ofCanonical(parsed.toString()).subtract(parsed)).isEqualTo(DynamoNumber.ZERO);
  }

  @ParameterizedTest
  @CsvSource({"1, 2, 3", "0.1, 0.2, 0.3", "-5, 5, 0", "99999999999999999999999999999999999999, 1, 100000000000000000000000000000000000000"})
  void add_isExact(String a, String b, String sum) {
    assertThat(DynamoNumber.parse(a).add(DynamoNumber.parse(b))).isEqualTo(DynamoNumber.parse(sum));
  }

  @Test
  void add_needingMoreThan38Digits_isRefused() {
    assertThatThrownBy(() -> DynamoNumber.parse("9.9999999999999999999999999999999999999E+125")
        .add(DynamoNumber.parse("-1E-130"))).hasMessage("DynamoDB only supports precision up to 38 digits");
  }

  @Test
  void add_beyondRange_overflows() {
    DynamoNumber max = DynamoNumber.parse("9.9999999999999999999999999999999999999E+125");
    assertThatThrownBy(() -> max.add(max)).hasMessageStartingWith("Number overflow.");
  }
}
