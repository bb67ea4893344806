package io.shaledb.core.validate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request member of an enumerated type, as the request sent it: the constant its text names, or none when the text
 * names no constant. DynamoDB reports such text among the declared constraints ("Member must satisfy enum value
 * set"), together with the request's other violations and in their order, so the decoder keeps it for
 * {@link ConstraintViolations#oneOf} rather than failing at once. An absent member is a null {@code Choice}.
 *
 * @param value the constant {@code text} names, or null when it names none
 */
public record Choice<E extends Enum<E>>(String text, @Nullable E value) {

  /** The choice {@code text} makes among {@code type}'s constants; null (an absent member) for null text. */
  public static <E extends Enum<E>> @Nullable Choice<E> of(@Nullable String text, Class<E> type) {
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
  public static <E extends Enum<E>> E valueOr(@Nullable Choice<E> choice, E absent) {
    return choice == null ? absent : choice.known();
  }

  /** The constant chosen, or null when the member was not sent. */
  public static <E extends Enum<E>> @Nullable E valueOrNull(@Nullable Choice<E> choice) {
    return choice == null ? null : choice.known();
  }

  /** The constant chosen, for a member that validation has checked names one. */
  public E known() {
    if (value == null) {
      throw new IllegalStateException("'" + text + "' should have failed validation");
    }
    return value;
  }

  /** Whether the member names {@code constant}. */
  public boolean is(E constant) {
    return value == constant;
  }

  /** Whether the member was sent and names {@code constant}. */
  public static <E extends Enum<E>> boolean sent(@Nullable Choice<E> choice, E constant) {
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
