package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/**
 * The change one write makes to one item, as a function of the item before it. It must be free of side effects:
 * the store calls it again when an optimistic commit loses a conflict.
 */
@FunctionalInterface
public interface ItemMutation {

  /**
   * @param previous the item as stored, or null when there is none
   * @return the item to store, or null to delete it
   * @throws io.shaledb.core.error.DynamoException to refuse the write (a failed condition, for instance)
   */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> previous);
}
