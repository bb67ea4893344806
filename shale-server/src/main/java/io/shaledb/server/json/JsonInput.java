package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from a streaming JSON parser, straight into the model, with DynamoDB's SerializationException for
 * JSON of the wrong shape. A JSON null reads as an absent member.
 *
 * <p>A body that cannot be read at all is a SerializationException too, whatever the parser met and wherever (in a
 * member that is read or one that is skipped): bytes that are not UTF-8, bad tokens, a body that ends early, a
 * parser limit, a number too large for a 64-bit integer member. So are strings and names holding a surrogate that
 * is not half of a pair (sent as a {@code \uD800} escape): they have no UTF-8 form, and storing them would store
 * something else.
 *
 * <p>Attribute value errors (an empty set, a bad number, a null where a value must be) are not serialization
 * errors in DynamoDB: they are reported after the request's declared constraints. So the first one is kept in
 * {@link #deferredError()} for the caller to raise at that point, and reading goes on.
 */
public final class JsonInput implements AutoCloseable {
  /** Timestamps beyond this many seconds from the epoch (the year 33658) name no time a request could mean. */
  private static final BigDecimal MAX_TIMESTAMP_SECONDS = BigDecimal.valueOf(1_000_000_000_000L);
  private final JsonParser parser;
  private final AttributeValueReader values = new AttributeValueReader(this);
  private @Nullable DynamoException deferred;

  /** Reads one value of a collection. */
  @FunctionalInterface
  public interface ValueReader<T> {
    @Nullable T read(JsonInput in) throws IOException;
  }

  private JsonInput(JsonParser parser) {
    this.parser = parser;
  }

  /** Starts reading a request body; close the result to return the parser's buffers. */
  public static JsonInput over(InputStream body) {
    try {
      return new JsonInput(Json.FACTORY.createParser(new Utf8CheckingInputStream(body)));
    } catch (IOException e) {
      throw SerializationErrors.malformed();
    }
  }

  /** Reads the request with {@code request}; a body the parser cannot read is a SerializationException. */
  public <T> @Nullable T readRequest(ValueReader<T> request) {
    try {
      return request.read(this);
    } catch (IOException e) {
      throw SerializationErrors.malformed();
    }
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

  public @Nullable String readString() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_STRING -> wellFormed(parser.getText());
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notAString(token);
    };
  }

  /** {@code text}, when every surrogate in it is half of a pair. */
  private static String wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          throw SerializationErrors.malformed();
        }
        i++;
      }
    }
    return text;
  }

  /** An enumerated member: the constant its text names, or the text alone for validation to report. */
  public <E extends Enum<E>> @Nullable Choice<E> readChoice(Class<E> type) throws IOException {
    return Choice.of(readString(), type);
  }

  public @Nullable Long readLong() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notALong(token);
    };
  }

  public @Nullable Double readDouble() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notADouble(token);
    };
  }

  /** A timestamp as the SDKs send it: epoch seconds, with a fraction. */
  public @Nullable Instant readTimestamp() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        BigDecimal seconds = parser.getDecimalValue();
        // Compared before any arithmetic: a huge exponent would otherwise expand into a huge number.
        if (seconds.abs().compareTo(MAX_TIMESTAMP_SECONDS) > 0) {
          throw SerializationErrors.notATimestamp(token);
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        yield Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
      }
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notATimestamp(token);
    };
  }

  public @Nullable Boolean readBoolean() throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw SerializationErrors.notABoolean(token);
    };
  }

  public <T> @Nullable List<T> readList(ValueReader<T> element) throws IOException {
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

  public <T> @Nullable Map<String, T> readMap(ValueReader<T> value) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw SerializationErrors.notAStructure(token);
    }
    Map<String, T> map = new LinkedHashMap<>();
    while (nextField()) {
      map.put(wellFormed(fieldName()), value.read(this));
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

  public @Nullable AttributeValue readAttributeValue() throws IOException {
    return values.read();
  }

  /** A map of attribute names to values: an item or a key. */
  public @Nullable Map<String, AttributeValue> readAttributeMap() throws IOException {
    return values.readItem();
  }

  /** The Item of a write: unlike a key's, its set values are checked as part of the request (see the reader). */
  public @Nullable Map<String, AttributeValue> readWrittenItem() throws IOException {
    return values.readWrittenItem();
  }

  public @Nullable Map<String, AttributeValue> readExpressionAttributeValues() throws IOException {
    return values.readExpressionAttributeValues();
  }

  /** A list of attribute values: an L value, or a legacy condition's AttributeValueList. */
  public @Nullable List<AttributeValue> readAttributeList() throws IOException {
    return values.readList();
  }

  /** A PartiQL statement's Parameters, whose numbers DynamoDB reads its own way. */
  public @Nullable List<AttributeValue> readPartiqlParameters() throws IOException {
    return values.readParameters();
  }

  /** A value read on its own account: the value, and the first attribute value error met reading it, or null. */
  public record Apart<T>(@Nullable T value, @Nullable DynamoException error) {}

  /**
   * Reads with {@code reader}, keeping the attribute value errors it meets apart from the request's: a statement of
   * BatchExecuteStatement fails alone for the values of its own Parameters.
   */
  public <T> Apart<T> readApart(ValueReader<T> reader) throws IOException {
    DynamoException request = deferred;
    deferred = null;
    try {
      T value = reader.read(this);
      return new Apart<>(value, deferred);
    } finally {
      deferred = request;
    }
  }

  JsonToken currentToken() {
    return parser.currentToken();
  }

  byte[] readBinary() throws IOException {
    return parser.getBinaryValue();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  JsonToken next() throws IOException {
    return parser.nextToken();
  }

  void defer(DynamoException error) {
    if (deferred == null) {
      deferred = error;
    }
  }

  /** The first attribute value error met while reading, or null. */
  public @Nullable DynamoException deferredError() {
    return deferred;
  }
}
