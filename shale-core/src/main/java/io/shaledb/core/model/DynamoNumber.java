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
      throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return of(parsed);
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
    BigDecimal stripped = value.stripTrailingZeros();
    int leadingExponent = stripped.precision() - stripped.scale() - 1;
    if (leadingExponent > MAX_EXPONENT) {
      throw DynamoException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (leadingExponent < MIN_EXPONENT) {
      throw DynamoException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (stripped.precision() > MAX_DIGITS) {
      throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    return new DynamoNumber(stripped);
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
