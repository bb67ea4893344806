package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.core.error.DynamoException;

/**
 * The SerializationException messages DynamoDB's JSON 1.0 deserializer gives for JSON of the wrong shape. The
 * texts mirror the service's Java-flavoured wording, which SDKs and applications surface verbatim.
 */
final class SerializationErrors {
  private SerializationErrors() {}

  /** Malformed JSON, or no body at all: DynamoDB answers without a message. */
  static DynamoException malformed() {
    return DynamoException.serialization(null);
  }

  static DynamoException notAStructure(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_ARRAY -> "Start of list found where not expected";
      default -> "Unexpected field type";
    });
  }

  static DynamoException notAList(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      default -> "Unexpected field type";
    });
  }

  static DynamoException notAString(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to String";
    });
  }

  static DynamoException notALong(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to Long";
    });
  }

  static DynamoException notADouble(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to Double";
    });
  }

  static DynamoException notATimestamp(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to Timestamp";
    });
  }

  static DynamoException notABoolean(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to Boolean";
    });
  }

  static DynamoException notABlob(JsonToken found) {
    return DynamoException.serialization(switch (found) {
      case START_OBJECT -> "Start of structure or map found where not expected.";
      case START_ARRAY -> "Start of list found where not expected";
      default -> tokenName(found) + " cannot be converted to Blob";
    });
  }

  static DynamoException badBase64() {
    return DynamoException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found");
  }

  private static String tokenName(JsonToken token) {
    return token == null ? "END_OF_INPUT" : token.name();
  }
}
