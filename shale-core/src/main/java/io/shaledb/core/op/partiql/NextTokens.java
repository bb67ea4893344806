package io.shaledb.core.op.partiql;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * ExecuteStatement's NextToken: opaque to clients, it holds which of the statement's partitions the next page reads
 * (a WHERE with {@code IN} reads several) and the key the previous page stopped after, in the stored item format,
 * with a checksum so that a token altered or made up is refused rather than misread.
 */
final class NextTokens {
  private static final byte VERSION = 1;
  private static final int HEADER = 1 + Integer.BYTES + Long.BYTES;

  private NextTokens() {}

  /** Where a page of a SELECT starts: the partition's position in the statement's list, and the key to start after. */
  record Position(int partition, Map<String, AttributeValue> exclusiveStartKey) {}

  static String encode(Position position) {
    byte[] key = ItemCodec.encode(position.exclusiveStartKey());
    ByteBuffer token = ByteBuffer.allocate(HEADER + key.length).put(VERSION).putInt(position.partition())
        .putLong(checksum(position.partition(), key)).put(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  static Position decode(String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      throw invalid();
    }
    if (bytes.length <= HEADER || bytes[0] != VERSION) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, HEADER - 1);
    int partition = buffer.getInt();
    long checksum = buffer.getLong();
    byte[] key = new byte[bytes.length - HEADER];
    System.arraycopy(bytes, HEADER, key, 0, key.length);
    if (partition < 0 || checksum != checksum(partition, key)) {
      throw invalid();
    }
    return new Position(partition, ItemCodec.decode(key));
  }

  private static long checksum(int partition, byte[] key) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
    crc.update(key);
    return crc.getValue();
  }

  /** DynamoDB's answer to a NextToken it did not issue (dynoxide's capture from the service). */
  private static DynamoException invalid() {
    return DynamoException.validation("Invalid NextToken");
  }
}
