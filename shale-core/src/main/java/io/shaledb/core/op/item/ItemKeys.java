package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.TableMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Extracts and validates an item's primary key and encodes it as a storage key. */
public final class ItemKeys {
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  private ItemKeys() {}

  /** The storage key of a full item (PutItem): every key attribute must be present with its declared type. */
  public static byte[] ofItem(TableMetadata table, Map<String, AttributeValue> item) {
    KeySchema schema = table.keySchema();
    AttributeValue partition = itemKeyValue(schema.partitionKey(), item);
    AttributeValue sort = schema.sortKey().map(k -> itemKeyValue(k, item)).orElse(null);
    checkSizes(partition, sort);
    return KeyCodec.itemKey(table.keyspace(), partition, sort);
  }

  /** The key attributes an item's storage key encodes: the inverse of {@link #ofKey}. */
  public static Map<String, AttributeValue> decode(TableMetadata table, byte[] itemKey) {
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    KeyAttribute partition = table.keySchema().partitionKey();
    keys.put(partition.name(), KeyCodec.decodePartitionKey(itemKey, partition.type()));
    table.keySchema().sortKey().ifPresent(sort -> keys.put(sort.name(),
        KeyCodec.decodeOrdered(itemKey, KeyCodec.sortKeyOffset(itemKey), sort.type())));
    return keys;
  }

  /** The storage key named by a Key parameter: exactly the key attributes, with their declared types. */
  public static byte[] ofKey(TableMetadata table, Map<String, AttributeValue> key) {
    KeySchema schema = table.keySchema();
    if (key.size() != schema.size()) {
      throw mismatch();
    }
    AttributeValue partition = keyValue(schema.partitionKey(), key);
    AttributeValue sort = schema.sortKey().map(k -> keyValue(k, key)).orElse(null);
    checkSizes(partition, sort);
    return KeyCodec.itemKey(table.keyspace(), partition, sort);
  }

  private static AttributeValue itemKeyValue(KeyAttribute attribute, Map<String, AttributeValue> item) {
    AttributeValue value = item.get(attribute.name());
    if (value == null) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Missing the key " + attribute.name() + " in the item");
    }
    if (value.type() != attribute.type().attributeType()) {
      throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for key "
          + attribute.name() + " expected: " + attribute.type() + " actual: " + value.type());
    }
    checkNotEmpty(attribute, value);
    return value;
  }

  private static AttributeValue keyValue(KeyAttribute attribute, Map<String, AttributeValue> key) {
    AttributeValue value = key.get(attribute.name());
    if (value == null || value.type() != attribute.type().attributeType()) {
      throw mismatch();
    }
    checkNotEmpty(attribute, value);
    return value;
  }

  /** Refuses an empty string or binary as the value of a table's key attribute. */
  public static void checkNotEmpty(KeyAttribute attribute, AttributeValue value) {
    boolean empty = (value instanceof AttributeValue.S s && s.value().isEmpty())
        || (value instanceof AttributeValue.B b && b.value().length() == 0);
    if (empty) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
          + " value. Key: " + attribute.name());
    }
  }

  private static void checkSizes(AttributeValue partition, @Nullable AttributeValue sort) {
    if (ItemSize.of(partition) > MAX_PARTITION_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has exceeded"
          + " the maximum size limit of" + MAX_PARTITION_KEY_BYTES + " bytes");
    }
    if (sort != null && ItemSize.of(sort) > MAX_SORT_KEY_BYTES) {
      throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all range"
          + " keys has exceeded the size limit of " + MAX_SORT_KEY_BYTES + " bytes");
    }
  }

  private static DynamoException mismatch() {
    return DynamoException.validation("The provided key element does not match the schema");
  }
}
