package io.shaledb.core.model;

import io.shaledb.core.error.DynamoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB number: at most 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125, or zero. Values are kept normalised (no trailing zeros), so
 * {@code 1}, {@code 1.0} and {@code 10E-1} are equal, hash alike and encode to the same key.
 *
 * <p>A number read back from storage is already canonical; it keeps its text and builds the {@link BigDecimal} only
 * when arithmetic or comparison asks for it, so reading and returning items never parses or formats a number.
 *
 * <p>See "Number" in the DynamoDB developer guide's naming rules and data types page.
 */
public final class DynamoNumber implements Comparable<DynamoNumber> {
  public static final int MAX_DIGITS = 38;
  /** Largest decimal exponent of the leading digit (9.99...E+125). */
  public static final int MAX_EXPONENT = 125;
  /** Smallest decimal exponent of the leading digit (1E-130). */
  public static final int MIN_EXPONENT = -130;

  public static final DynamoNumber ZERO = new DynamoNumber(BigDecimal.ZERO);

  private static final String UNCONVERTIBLE = "The parameter cannot be converted to a numeric value";

  private @Nullable BigDecimal value;
  private @Nullable String text;

  private DynamoNumber(BigDecimal normalised) {
    this.value = normalised;
  }

  private DynamoNumber(String canonical) {
    this.text = canonical;
  }

  /** Parses a number as the wire sends it, with DynamoDB's validation messages. */
  public static DynamoNumber parse(String text) {
    BigDecimal parsed;
    try {
      parsed = parseDecimal(text);
    } catch (NumberFormatException e) {
      throw unconvertible(text);
    }
    return of(parsed);
  }

  /**
   * Parses a number sent in a PartiQL statement's Parameters, which DynamoDB reads otherwise than an item's numbers
   * (the conformance suite's captures, tests/tier3/error-messages/partiqlParameterNumbers): an empty text is refused
   * without being echoed, an exponent outside a 32-bit integer cannot be converted at all, and the magnitude is
   * checked as precision minus scale in 32-bit arithmetic, so that {@code 1e2147483647} wraps round to an underflow.
   */
  public static DynamoNumber parseParameter(String text) {
    if (text.isEmpty()) {
      throw DynamoException.validation(UNCONVERTIBLE);
    }
    BigDecimal parsed;
    try {
      requireIntExponent(text);
      parsed = parseDecimal(text);
    } catch (NumberFormatException e) {
      throw unconvertible(text);
    }
    if (parsed.signum() != 0) {
      checkMagnitude(parsed.precision() - parsed.scale());
    }
    return of(parsed);
  }

  /** The JDK's BigDecimal accepts an exponent of -2^31 written as such; DynamoDB's reading does not. */
  private static void requireIntExponent(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e >= 0) {
      long exponent = Long.parseLong(text.substring(e + 1));
      if (exponent != (int) exponent) {
        throw new NumberFormatException();
      }
    }
  }

  private static DynamoException unconvertible(String text) {
    return DynamoException.validation(UNCONVERTIBLE + ": " + text);
  }

  private static BigDecimal parseDecimal(String text) {
    int n = text.length();
    if (n == 0) {
      throw new NumberFormatException();
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        throw new NumberFormatException();
      }
    }
    return new BigDecimal(text);
  }

  /** Validates and normalises {@code value}: more than 38 digits, overflow and underflow are errors. */
  public static DynamoNumber of(BigDecimal value) {
    if (value.signum() == 0) {
      return ZERO;
    }
    // Precision minus scale does not change as trailing zeros go, so the range is checked first, in long arithmetic:
    // stripping the zeros of a number far out of range (100e2147483647) would take its scale past an int.
    checkMagnitude((long) value.precision() - value.scale());
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS) {
      throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    return new DynamoNumber(stripped);
  }

  /** Refuses a number whose leading digit's exponent, {@code magnitude - 1}, is outside DynamoDB's range. */
  private static void checkMagnitude(long magnitude) {
    if (magnitude - 1 > MAX_EXPONENT) {
      throw DynamoException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (magnitude - 1 < MIN_EXPONENT) {
      throw DynamoException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
  }

  /** A number from text this class produced ({@link #toString()}), as stored items hold it; not validated again. */
  public static DynamoNumber ofCanonical(String canonical) {
    return canonical.equals("0") ? ZERO : new DynamoNumber(canonical);
  }

  public static DynamoNumber of(long value) {
    return of(BigDecimal.valueOf(value));
  }

  /** The normalised value; racing first calls compute equal values, so no lock is needed. */
  public BigDecimal bigDecimalValue() {
    BigDecimal v = value;
    if (v == null) {
      v = new BigDecimal(text).stripTrailingZeros();
      value = v;
    }
    return v;
  }

  public int signum() {
    return bigDecimalValue().signum();
  }

  /**
   * The significant digits, without sign, leading or trailing zeros ("0" for zero). Read from the canonical text:
   * every write sizes its numbers with this, and BigInteger's toString was a tenth of a batch write's profile.
   */
  public String digits() {
    String text = toString();
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '-' || text.charAt(start) == '0' || text.charAt(start) == '.')) {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '0') {
      end--;
    }
    if (start == end) {
      return "0";
    }
    int point = text.indexOf('.', start);
    return point < 0 || point >= end ? text.substring(start, end)
        : text.substring(start, point) + text.substring(point + 1, end);
  }

  /** The decimal exponent of the leading digit: 123.4 has 2, 0.05 has -2; zero has 0. */
  public int leadingExponent() {
    BigDecimal v = bigDecimalValue();
    return v.signum() == 0 ? 0 : v.precision() - v.scale() - 1;
  }

  /**
   * The exact sum, validated like a stored number: DynamoDB refuses a result that needs more than 38 significant
   * digits rather than round it, and results out of range.
   */
  public DynamoNumber add(DynamoNumber other) {
    return arithmeticResult(bigDecimalValue().add(other.bigDecimalValue()));
  }

  public DynamoNumber subtract(DynamoNumber other) {
    return arithmeticResult(bigDecimalValue().subtract(other.bigDecimalValue()));
  }

  /** A result out of range is an overflow or underflow, as a stored number; in range, too many digits to store. */
  private static DynamoNumber arithmeticResult(BigDecimal exact) {
    BigDecimal stripped = exact.stripTrailingZeros();
    int leadingExponent = stripped.precision() - stripped.scale() - 1;
    boolean inRange = leadingExponent <= MAX_EXPONENT && leadingExponent >= MIN_EXPONENT;
    if (exact.signum() != 0 && inRange && stripped.precision() > MAX_DIGITS) {
      throw DynamoException.validation("DynamoDB only supports precision up to 38 digits");
    }
    return of(exact);
  }

  public DynamoNumber negate() {
    return new DynamoNumber(bigDecimalValue().negate());
  }

  /** Rebuilds a number from its sign, digits and leading exponent, as decoded from a key or stored item. */
  public static DynamoNumber fromParts(int signum, String digits, int leadingExponent) {
    if (signum == 0) {
      return ZERO;
    }
    BigInteger unscaled = new BigInteger(digits);
    int scale = digits.length() - 1 - leadingExponent;
    return new DynamoNumber(new BigDecimal(signum < 0 ? unscaled.negate() : unscaled, scale));
  }

  @Override
  public int compareTo(DynamoNumber other) {
    return bigDecimalValue().compareTo(other.bigDecimalValue());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamoNumber other && bigDecimalValue().equals(other.bigDecimalValue());
  }

  @Override
  public int hashCode() {
    return bigDecimalValue().hashCode();
  }

  /** The canonical text DynamoDB returns: plain notation, no trailing zeros. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = bigDecimalValue().toPlainString();
      text = t;
    }
    return t;
  }
}
