package io.shaledb.core.validate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request member that validation has already required. A decoded request may lack any member, so its
 * record declares every member nullable; an operation's {@code execute} runs only after its {@code validate} refused
 * a request missing a required one, so there a null is a bug, not an answer for the client.
 */
public final class Validated {
  private Validated() {}

  /** {@code member}, which validation required to be present. */
  public static <T> T present(@Nullable T member) {
    return Objects.requireNonNull(member, "validation requires this member");
  }
}
