package io.shaledb.core.validate;

import java.util.List;

/**
 * A request member of an enumerated type, as the request sent it: the constant its text names, or none when the text
 * names no constant. DynamoDB reports such text among the declared constraints ("Member must satisfy enum value
 * set"), together with the request's other violations and in their order, so the decoder keeps it for
 * {@link ConstraintViolations#oneOf} rather than failing at once. An absent member is a null {@code Choice}.
 *
 * @param value the constant {@code text} names, or null when it names none
 */
public record Choice<E extends Enum<E>>(String text, E value) {

  /** The choice {@code text} makes among {@code type}'s constants; null (an absent member) for null text. */
  public static <E extends Enum<E>> Choice<E> of(String text, Class<E> type) {
    if (text == null) {
      return null;
    }
    try {
      return new Choice<>(text, Enum.valueOf(type, text));
    } catch (IllegalArgumentException unknown) {
      return new Choice<>(text, null);
    }
  }

  /** A choice of a known constant. */
  public static <E extends Enum<E>> Choice<E> of(E value) {
    return new Choice<>(value.name(), value);
  }

  /**
   * The constant chosen, or {@code absent} when the member was not sent; validation has already refused text that
   * names no constant.
   */
  public static <E extends Enum<E>> E valueOr(Choice<E> choice, E absent) {
    if (choice == null) {
      return absent;
    }
    if (choice.value() == null) {
      throw new IllegalStateException("'" + choice.text() + "' should have failed validation");
    }
    return choice.value();
  }

  /** The constant chosen, or null when the member was not sent. */
  public static <E extends Enum<E>> E valueOrNull(Choice<E> choice) {
    return choice == null ? null : valueOr(choice, null);
  }

  /** Whether the member names {@code constant}. */
  public boolean is(E constant) {
    return value == constant;
  }

  /** Whether the member was sent and names {@code constant}. */
  public static <E extends Enum<E>> boolean sent(Choice<E> choice, E constant) {
    return choice != null && choice.value() == constant;
  }

  /** Renders a set as DynamoDB's messages list it. */
  static String render(List<? extends Enum<?>> listed) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < listed.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(listed.get(i).name());
    }
    return s.append(']').toString();
  }
}
