package io.shaledb.core.partiql.parse;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.math.BigDecimal;

/** Number literals as DynamoDB reads them: as decimals, then held to the rules of a stored number. */
final class Literals {
  private Literals() {}

  /**
   * A number as written ({@code 7.31e6}, {@code .5}, with a leading {@code -} when negative). An exponent or scale
   * beyond a 32-bit integer cannot be read at all: the envelope with nothing after it. A number out of DynamoDB's
   * range or precision gets the stored number's message and where the literal stands ("under root.x").
   */
  static AttributeValue.N number(String text, ValuePath at) {
    if (!scaleFitsInt(text)) {
      throw Errors.malformed("");
    }
    BigDecimal decimal = new BigDecimal(text);
    try {
      return new AttributeValue.N(DynamoNumber.of(decimal));
    } catch (DynamoException e) {
      throw DynamoException.validation(e.getMessage() + " under " + at);
    }
  }

  /**
   * Whether the exponent, and the scale it leaves (digits after the point less the exponent), are 32-bit integers,
   * as a decimal's must be: {@code 1.5e-2147483647} has an exponent in range but a scale one past it.
   */
  private static boolean scaleFitsInt(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return true;
    }
    String exponentText = text.substring(e + 1);
    if (exponentText.length() > 12) {
      return false;
    }
    long exponent = Long.parseLong(exponentText);
    int point = text.indexOf('.');
    long fractionDigits = point < 0 ? 0 : e - point - 1;
    long scale = fractionDigits - exponent;
    return exponent == (int) exponent && scale == (int) scale;
  }
}
