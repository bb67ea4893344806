package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tag validation shared by CreateTable and TagResource. */
final class Tags {
  static final int MAX_TAGS = 50;

  private Tags() {}

  /** The tags as a map, checked against DynamoDB's limits; null means none. */
  static Map<String, String> validate(List<Tag> tags) {
    Map<String, String> result = new LinkedHashMap<>();
    if (tags == null) {
      return result;
    }
    for (Tag tag : tags) {
      if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
        throw DynamoException.validation("One or more parameter values were invalid: Tag key length must be"
            + " between 1 and 128 characters");
      }
      if (tag.value() == null || tag.value().length() > 256) {
        throw DynamoException.validation("One or more parameter values were invalid: Tag value length must be"
            + " between 0 and 256 characters");
      }
      result.put(tag.key(), tag.value());
    }
    if (result.size() > MAX_TAGS) {
      throw DynamoException.validation("One or more parameter values were invalid: Too many tags");
    }
    return result;
  }
}
