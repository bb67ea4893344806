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
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw Errors.malformed("");
    }
    try {
      return new AttributeValue.N(DynamoNumber.of(decimal));
    } catch (DynamoException e) {
      throw DynamoException.validation(e.getMessage() + " under " + at);
    }
  }
}
