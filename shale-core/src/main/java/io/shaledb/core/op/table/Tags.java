package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tag rules shared by CreateTable, TagResource and UntagResource
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html). Lengths are the API's
 * declared constraints (TagKeyString 1 to 128, TagValueString 0 to 256 characters), reported as such; the allowed
 * characters, the reserved {@code aws:} prefix, duplicate keys and the number of tags are the service's own checks,
 * in the words DynamoDB answers them (a catalogue of the service's ValidationException texts, recorded in October
 * 2026 by the ack-api-quirks lab).
 */
final class Tags {
  static final int MAX_TAGS = 50;
  private static final String RESERVED_PREFIX = "aws:";

  private Tags() {}

  /** The declared constraints of a list of tags at {@code path} (such as {@code tags}). */
  static void checkDeclared(ConstraintViolations v, String path, @Nullable List<Tag> tags) {
    if (tags == null) {
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      String member = path + "." + (i + 1) + ".member.";
      v.notNull(member + "key", tag.key())
          .length(member + "key", tag.key(), 1, 128)
          .notNull(member + "value", tag.value())
          .length(member + "value", tag.value(), 0, 256);
    }
  }

  /** The declared constraints of tag keys to remove. */
  static void checkDeclaredKeys(ConstraintViolations v, String path, @Nullable List<String> keys) {
    if (keys == null) {
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      v.length(path + "." + (i + 1) + ".member", keys.get(i), 1, 128);
    }
  }

  /** The tags as a map, their characters and number checked; null means none. */
  static Map<String, String> validate(@Nullable List<Tag> tags) {
    Map<String, String> result = new LinkedHashMap<>();
    if (tags == null) {
      return result;
    }
    for (Tag tag : tags) {
      if (!allowed(Validated.present(tag.key()))) {
        throw DynamoException.validation("The Tag Key provided is invalid, Key: " + tag.key());
      }
      if (Validated.present(tag.key()).startsWith(RESERVED_PREFIX)) {
        throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + tag.key());
      }
      if (!allowed(Validated.present(tag.value()))) {
        throw DynamoException.validation("The Tag Value provided is invalid, Value: " + tag.value());
      }
      if (result.put(tag.key(), tag.value()) != null) {
        throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found "
            + tag.key());
      }
    }
    checkCount(result.keySet());
    return result;
  }

  /** A table holds at most 50 tags; more is a ValidationException, not a LimitExceededException. */
  static void checkCount(Collection<String> keys) {
    if (keys.size() > MAX_TAGS) {
      throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
    }
  }

  /**
   * Letters, white space, digits and {@code + - = . _ : / @}: the DynamoDB guide lists all but {@code @}, which AWS's
   * common tag pattern ({@code [\p{L}\p{Z}\p{N}_.:/=+\-@]*}) allows; refusing a tag DynamoDB takes would break more
   * than taking one it refuses.
   */
  private static boolean allowed(String text) {
    return text.codePoints().allMatch(c -> Character.isLetter(c) || Character.isDigit(c)
        || Character.isSpaceChar(c) || "+-=._:/@".indexOf(c) >= 0);
  }
}
