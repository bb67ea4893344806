package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a DynamoDB attribute value ({@code {"S": "..."}}, {@code {"NS": [...]}}, ...) into the model. Shape errors
 * are SerializationExceptions at once; value errors (no type or several, empty or duplicate sets, bad numbers, a
 * JSON null where a value or set member must be) are deferred (see {@link JsonInput}) and read as null.
 *
 * <p>The messages for nulls are DynamoDB Local 3.3.1's (probed; the service documents none).
 */
final class AttributeValueReader {
  private static final String NULL_VALUE = "The supplied Item contains a null AttributeValue";
  /**
   * Documents nest at most 32 levels, an attribute's own value being the first; DynamoDB refuses a deeper value in
   * an item or in ExpressionAttributeValues with this message, never naming the value's key (dynoxide's captures of
   * the service). Jackson's own nesting limit, far above it, only bounds the parser.
   */
  private static final int MAX_NESTED_LEVELS = 32;
  private static final String TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item have"
      + " nested levels beyond supported limit";

  private final JsonInput in;
  /** The ExpressionAttributeValues key whose value is being read, which DynamoDB names in its errors; else null. */
  private @Nullable String expressionValueKey;
  /** How many documents enclose the value being read: 0 for an attribute's own value. */
  private int enclosingDocuments;
  /**
   * Whether the value being read is in the Item of a write or in ExpressionAttributeValues, where DynamoDB's request
   * validation checks sets (see {@link DynamoException#requestValidation}); sets elsewhere (keys, legacy
   * parameters) are checked later, as data.
   */
  private boolean setsCheckedByRequest;
  /** Whether the value being read is a PartiQL parameter, whose numbers DynamoDB reads its own way. */
  private boolean partiqlParameter;

  AttributeValueReader(JsonInput in) {
    this.in = in;
  }

  @Nullable AttributeValue read() throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    if (enclosingDocuments == MAX_NESTED_LEVELS) {
      in.defer(DynamoException.validation(TOO_DEEP));
    }
    AttributeValue value = null;
    int types = 0;
    while (in.nextField()) {
      AttributeType type = AttributeType.fromWireName(in.fieldName());
      if (type == null) {
        in.skipValue();
        continue;
      }
      if (in.currentToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      types++;
      value = switch (type) {
        case S -> new AttributeValue.S(notNull(in.readString()));
        case N -> number(notNull(in.readString()));
        case B -> new AttributeValue.B(binary());
        case BOOL -> AttributeValue.Bool.of(notNull(in.readBoolean()));
        case NULL -> nullValue(notNull(in.readBoolean()));
        case SS -> stringSet(notNull(in.readList(JsonInput::readString)));
        case NS -> numberSet(notNull(in.readList(JsonInput::readString)));
        case BS -> set(notNull(in.readList(r -> binary())), "Binary sets should not be empty", "of type BS",
            AttributeValueReader::base64, AttributeValue.BS::new);
        case M -> map(notNull(readNested(r -> readItem())));
        case L -> list(notNull(readNested(r -> readList())));
      };
    }
    if (types == 0) {
      return fail("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (types > 1) {
      return fail("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the"
          + " supported datatypes");
    }
    return value;
  }

  /** An item, a key or the members of an M value. */
  @Nullable Map<String, AttributeValue> readItem() throws IOException {
    return in.readMap(r -> r.isPresent() ? read() : fail(NULL_VALUE + ": " + r.fieldName() + " is null"));
  }

  /** The Item of a write. */
  @Nullable Map<String, AttributeValue> readWrittenItem() throws IOException {
    setsCheckedByRequest = true;
    try {
      return readItem();
    } finally {
      setsCheckedByRequest = false;
    }
  }

  @Nullable Map<String, AttributeValue> readExpressionAttributeValues() throws IOException {
    return in.readMap(r -> {
      expressionValueKey = r.fieldName();
      setsCheckedByRequest = true;
      try {
        return r.isPresent() ? read() : fail(NULL_VALUE);
      } finally {
        expressionValueKey = null;
        setsCheckedByRequest = false;
      }
    });
  }

  @Nullable List<AttributeValue> readList() throws IOException {
    return in.readList(r -> r.isPresent() ? read() : fail(NULL_VALUE));
  }

  /** The Parameters of a PartiQL statement. */
  @Nullable List<AttributeValue> readParameters() throws IOException {
    partiqlParameter = true;
    try {
      return readList();
    } finally {
      partiqlParameter = false;
    }
  }

  /** A type's value as read above, where the JSON token is not null, so its reader returned one. */
  private static <T> T notNull(@Nullable T value) {
    return Objects.requireNonNull(value, "a JSON value that is not null");
  }

  private <T> @Nullable T readNested(JsonInput.ValueReader<T> contents) throws IOException {
    enclosingDocuments++;
    try {
      return contents.read(in);
    } finally {
      enclosingDocuments--;
    }
  }

  private Bytes binary() throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      throw SerializationErrors.notABlob(in.currentToken());
    }
    try {
      return Bytes.wrap(in.readBinary());
    } catch (JsonParseException e) {
      throw SerializationErrors.badBase64();
    }
  }

  private @Nullable AttributeValue number(String text) {
    try {
      return new AttributeValue.N(parseNumber(text));
    } catch (DynamoException e) {
      return fail(e);
    }
  }

  private DynamoNumber parseNumber(String text) {
    return partiqlParameter ? DynamoNumber.parseParameter(text) : DynamoNumber.parse(text);
  }

  private @Nullable AttributeValue nullValue(boolean value) {
    if (value) {
      return AttributeValue.Null.INSTANCE;
    }
    // The one value error DynamoDB reports as it is within ExpressionAttributeValues too, without naming the key;
    // part of its request validation wherever it appears.
    in.defer(DynamoException.requestValidation(
        "One or more parameter values were invalid: Null attribute value types must have the value of true"));
    return null;
  }

  private @Nullable AttributeValue stringSet(List<String> strings) {
    if (strings.contains(null)) {
      return fail("One or more parameter values were invalid: An string set may not have a null string as a member");
    }
    return set(strings, "An string set  may not be empty", "", Function.identity(), AttributeValue.SS::new);
  }

  private @Nullable AttributeValue numberSet(List<String> texts) {
    List<DynamoNumber> numbers = new ArrayList<>(texts.size());
    for (String text : texts) {
      if (text == null) {
        return fail("A value provided cannot be converted into a number");
      }
      try {
        numbers.add(parseNumber(text));
      } catch (DynamoException e) {
        return fail(e);
      }
    }
    if (numbers.isEmpty()) {
      return failSet("One or more parameter values were invalid: An number set  may not be empty");
    }
    Set<DynamoNumber> unique = new LinkedHashSet<>(numbers);
    // DynamoDB lists the duplicated members of the other set types, but not of a number set.
    return unique.size() == numbers.size() ? new AttributeValue.NS(unique)
        : failSet("Input collection contains duplicates");
  }

  /**
   * A string or binary set. DynamoDB words an empty one differently for each type, and names the type of a binary
   * set with duplicates (with no space before it).
   *
   * @param whenEmpty the words for an empty set
   * @param typeInDuplicates the words after the listed members of a set with duplicates
   */
  private <T> @Nullable AttributeValue set(List<T> values, String whenEmpty, String typeInDuplicates,
      Function<T, String> render, Function<Set<T>, AttributeValue> build) {
    if (values.isEmpty()) {
      return failSet("One or more parameter values were invalid: " + whenEmpty);
    }
    Set<T> unique = new LinkedHashSet<>(values);
    if (unique.size() != values.size()) {
      return failSet("One or more parameter values were invalid: Input collection "
          + values.stream().map(render).toList() + typeInDuplicates + " contains duplicates.");
    }
    return build.apply(unique);
  }

  private static String base64(Bytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static @Nullable AttributeValue map(Map<String, AttributeValue> values) {
    return values.containsValue(null) ? null : new AttributeValue.M(values);
  }

  private static @Nullable AttributeValue list(List<AttributeValue> values) {
    return values.contains(null) ? null : new AttributeValue.L(values);
  }

  private @Nullable AttributeValue fail(String message) {
    return fail(DynamoException.validation(message));
  }

  /** An empty set or one with duplicates. */
  private @Nullable AttributeValue failSet(String message) {
    return fail(setsCheckedByRequest ? DynamoException.requestValidation(message)
        : DynamoException.validation(message));
  }

  /** Defers the error; within ExpressionAttributeValues, DynamoDB says so and names the value's key. */
  private @Nullable AttributeValue fail(DynamoException error) {
    if (expressionValueKey == null) {
      in.defer(error);
    } else {
      String message = "ExpressionAttributeValues contains invalid value: " + error.getMessage() + " for key "
          + expressionValueKey;
      in.defer(error.isRequestValidation() ? DynamoException.requestValidation(message)
          : DynamoException.validation(message));
    }
    return null;
  }
}
