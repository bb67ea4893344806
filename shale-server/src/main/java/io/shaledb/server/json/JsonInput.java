package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a streaming JSON parser, straight into the model, with DynamoDB's SerializationException for
 * JSON of the wrong shape. A JSON null reads as an absent member.
 *
 * <p>Attribute value errors (an empty set, a bad number) are not serialization errors in DynamoDB: they are
 * reported after the request's declared constraints. So the first one is kept in {@link #deferredError()} for the
 * caller to raise at that point, and reading goes on.
 */
public final class JsonInput {
  private final JsonParser parser;
  private final AttributeValueReader values = new AttributeValueReader(this);
  private DynamoException deferred;

  /** Reads one value of a collection. */
  @FunctionalInterface
  public interface ValueReader<T> {
    T read(JsonInput in) throws IOException;
  }

  public JsonInput(JsonParser parser) {
    this.parser = parser;
  }

  /** Enters the request's top-level object; an empty body is a SerializationException, as in DynamoDB. */
  public void beginRequest() throws IOException {
    JsonToken token = next();
    if (token == null) {
      throw SerializationErrors.malformed();
    }
    if (token != JsonToken.START_OBJECT) {
      throw SerializationErrors.notAStructure(token);
    }
  }

  /** Advances to the next member of the current object; false at its end. */
  public boolean nextField() throws IOException {
    JsonToken token = next();
    if (token == JsonToken.END_OBJECT) {
      return false;
    }
    if (token != JsonToken.FIELD_NAME) {
      throw SerializationErrors.malformed();
    }
    next();
    return true;
  }

  public String fieldName() throws IOException {
    return parser.currentName();
  }

  public String readString() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notAString(token);
    };
  }

  public Long readLong() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notALong(token);
    };
  }

  public Boolean readBoolean() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notABoolean(token);
    };
  }

  public <T> List<T> readList(ValueReader<T> element) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw SerializationErrors.notAList(token);
    }
    List<T> list = new ArrayList<>();
    while (next() != JsonToken.END_ARRAY) {
      list.add(element.read(this));
    }
    return list;
  }

  public <T> Map<String, T> readMap(ValueReader<T> value) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw SerializationErrors.notAStructure(token);
    }
    Map<String, T> map = new LinkedHashMap<>();
    while (nextField()) {
      map.put(fieldName(), value.read(this));
    }
    return map;
  }

  /** Checks that the current value is an object (or null) before its members are read with {@link #nextField}. */
  public boolean beginStructure() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_OBJECT) {
      throw SerializationErrors.notAStructure(token);
    }
    return true;
  }

  /** False when the current value is JSON null. */
  public boolean isPresent() {
    return parser.currentToken() != JsonToken.VALUE_NULL;
  }

  public void skipValue() throws IOException {
    parser.skipChildren();
  }

  public AttributeValue readAttributeValue() throws IOException {
    return values.read();
  }

  /** A map of attribute names to values: an item, a key or ExpressionAttributeValues. */
  public Map<String, AttributeValue> readAttributeMap() throws IOException {
    return readMap(JsonInput::readAttributeValue);
  }

  JsonToken currentToken() {
    return parser.currentToken();
  }

  byte[] readBinary() throws IOException {
    return parser.getBinaryValue();
  }

  JsonToken next() throws IOException {
    try {
      return parser.nextToken();
    } catch (JsonParseException e) {
      throw SerializationErrors.malformed();
    }
  }

  void defer(DynamoException error) {
    if (deferred == null) {
      deferred = error;
    }
  }

  /** The first attribute value error met while reading, or null. */
  public DynamoException deferredError() {
    return deferred;
  }
}
