package io.shaledb.core.write;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The change one write makes to one item, as a function of the item before it. It must be free of side effects: the
 * pipeline calls it again when an optimistic commit loses a conflict.
 */
@FunctionalInterface
public interface ItemChange {

  /**
   * @param previous the item as stored, or null when there is none
   * @return the item to store, or null to delete it
   * @throws io.shaledb.core.error.DynamoException when the change cannot apply to this item (a ValidationException,
   *     such as an ADD to an attribute of another type)
   */
  @Nullable Map<String, AttributeValue> apply(@Nullable Map<String, AttributeValue> previous);
}
