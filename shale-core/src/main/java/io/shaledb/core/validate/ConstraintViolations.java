package io.shaledb.core.validate;

import io.shaledb.core.error.DynamoException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects violations of an input's declared constraints (not null, length, range, pattern, enum) and reports
 * them the way DynamoDB's request validation does: {@code "2 validation errors detected: Value 'x' at 'tableName'
 * failed to satisfy constraint: Member must ...; Value ..."}, with at most ten listed.
 */
public final class ConstraintViolations {
  private static final int MAX_LISTED = 10;
  private static final String RESOURCE_NAME = "[a-zA-Z0-9_.-]+";

  private final List<String> violations = new ArrayList<>();

  public ConstraintViolations notNull(String path, @Nullable Object value) {
    if (value == null) {
      add(null, path, "Member must not be null");
    }
    return this;
  }

  /** Length bounds on a string; null passes (combine with {@link #notNull} where required). */
  public ConstraintViolations length(String path, @Nullable String value, int min, int max) {
    if (value != null) {
      int length = value.codePointCount(0, value.length());
      if (length < min) {
        add(quote(value), path, "Member must have length greater than or equal to " + min);
      } else if (length > max) {
        add(quote(value), path, "Member must have length less than or equal to " + max);
      }
    }
    return this;
  }

  /**
   * The pattern {@value #RESOURCE_NAME} of table and index names. Checked on every request, so with a loop over the
   * characters rather than a regular expression's matcher.
   */
  public ConstraintViolations resourceName(String path, @Nullable String value) {
    if (value != null && !isResourceName(value)) {
      add(quote(value), path, "Member must satisfy regular expression pattern: " + RESOURCE_NAME);
    }
    return this;
  }

  private static boolean isResourceName(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!NameCharacters.isWord(c) && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** Size bounds on a list or map, rendered with the collection's own text as DynamoDB does. */
  public ConstraintViolations size(String path, @Nullable Collection<?> value, String rendered, int min, int max) {
    if (value != null) {
      if (value.size() < min) {
        add(quote(rendered), path, "Member must have length greater than or equal to " + min);
      } else if (value.size() > max) {
        add(quote(rendered), path, "Member must have length less than or equal to " + max);
      }
    }
    return this;
  }

  public ConstraintViolations range(String path, @Nullable Long value, long min, long max) {
    if (value != null) {
      if (value < min) {
        add(quote(String.valueOf(value)), path, "Member must have value greater than or equal to " + min);
      } else if (value > max) {
        add(quote(String.valueOf(value)), path, "Member must have value less than or equal to " + max);
      }
    }
    return this;
  }

  /**
   * A lower bound reported without the value, as DynamoDB words a few of its checks: {@code "Value at 'path' failed
   * to satisfy constraint: ..."}.
   */
  public ConstraintViolations atLeastWithoutValue(String path, @Nullable Long value, long min) {
    if (value != null && value < min) {
      addWithoutValue(path, "Member must have value greater than or equal to " + min);
    }
    return this;
  }

  /** A violation reported without the value, as {@link #atLeastWithoutValue} reports it. */
  public void addWithoutValue(String path, String constraint) {
    violations.add("Value at '" + path + "' failed to satisfy constraint: " + constraint);
  }

  /**
   * Enum membership: {@code choice}'s text must name one of {@code listed}, which is rendered in the given order, as
   * DynamoDB lists the set.
   */
  public <E extends Enum<E>> ConstraintViolations oneOf(String path, @Nullable Choice<E> choice, List<E> listed) {
    if (choice != null && choice.value() == null) {
      add(quote(choice.text()), path, "Member must satisfy enum value set: " + Choice.render(listed));
    }
    return this;
  }

  /** As {@link #oneOf(String, Choice, List)} for an enum declared in DynamoDB's listing order. */
  public <E extends Enum<E>> ConstraintViolations oneOf(String path, @Nullable Choice<E> choice, E[] listed) {
    return oneOf(path, choice, List.of(listed));
  }

  public void add(@Nullable String renderedValue, String path, String constraint) {
    violations.add("Value " + (renderedValue == null ? "null" : renderedValue) + " at '" + path
        + "' failed to satisfy constraint: " + constraint);
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Throws the collected violations as one ValidationException, if there are any. */
  public void throwIfAny() {
    if (violations.isEmpty()) {
      return;
    }
    throw DynamoException.validation(detected(violations));
  }

  /** DynamoDB's report of request validation errors: {@code "N validation error(s) detected: a; b"}. */
  public static String detected(List<String> violations) {
    int n = violations.size();
    String listed = String.join("; ", violations.subList(0, Math.min(n, MAX_LISTED)));
    return n + " validation error" + (n == 1 ? "" : "s") + " detected: " + listed;
  }

  private static String quote(String value) {
    return "'" + value + "'";
  }
}
