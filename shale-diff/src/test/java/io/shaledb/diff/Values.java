package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Random attribute values in DynamoDB's JSON form. Keys come from small pools so that operations meet the items
 * earlier ones wrote; numbers lean on the edges of DynamoDB's number type (38 digits, exponents -130 to +125, forms
 * that are the same number), and a few values are invalid on purpose (39 digits, duplicate set members, empty sets).
 */
final class Values {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final List<String> KEY_STRINGS = List.of("k0", "k1", "k2", "k3", "Ab", "é", "\uD834\uDD1E");
  private static final List<String> KEY_NUMBERS = List.of("0", "1", "-1", "1.5", "100", "1E2", "-3.25", "0.001");
  private static final List<byte[]> KEY_BINARIES = List.of(new byte[] {0}, new byte[] {1}, new byte[] {0, 0},
      new byte[] {(byte) 0xff}, new byte[] {0x7f, 0x10});
  private static final List<String> STRINGS = List.of("", "x", "xy", "abc", "Ab", "a b", "é", "\uD834\uDD1E", "k1",
      "S", "N", "0");
  private static final List<String> NUMBERS = List.of("0", "-0", "1", "1.0", "01", "-1", "2", "10", "1E2", "100",
      "0.5", "-2.5", "3.14159", "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
      "-9.9999999999999999999999999999999999999E+125", "12345678901234567890123456789012345678",
      "0.00000000000000000000000000000000000001");
  private static final List<String> INVALID_NUMBERS = List.of("123456789012345678901234567890123456789", "1E126",
      "1E-131", "abc", "", " 1");
  private static final List<String> TYPES = List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");
  static final List<String> NESTED_NAMES = List.of("x", "y", "z");

  private final Random random;

  Values(Random random) {
    this.random = random;
  }

  ObjectNode key(String type) {
    return switch (type) {
      case "S" -> s(TableShape.pick(KEY_STRINGS, random));
      case "N" -> n(TableShape.pick(KEY_NUMBERS, random));
      case "B" -> b(TableShape.pick(KEY_BINARIES, random));
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** A key value, now and then of the wrong type or empty, which DynamoDB refuses. */
  ObjectNode keyOrInvalid(String type) {
    int roll = random.nextInt(100);
    if (roll < 2) {
      return key(TableShape.pick(List.of("S", "N", "B"), random));
    }
    if (roll < 3) {
      return switch (type) {
        case "B" -> b(new byte[0]);
        default -> s("");
      };
    }
    return key(type);
  }

  ObjectNode value(int depth) {
    return value(TableShape.pick(depth > 2 ? TYPES.subList(0, 5) : TYPES, random), depth);
  }

  ObjectNode value(String type, int depth) {
    return switch (type) {
      case "S" -> s(TableShape.pick(STRINGS, random));
      case "N" -> n(number());
      case "B" -> b(bytes());
      case "BOOL" -> JSON.objectNode().put("BOOL", random.nextBoolean());
      case "NULL" -> JSON.objectNode().put("NULL", true);
      case "L" -> {
        ObjectNode list = JSON.objectNode();
        ArrayNode elements = list.putArray("L");
        for (int i = random.nextInt(4); i > 0; i--) {
          elements.add(value(depth + 1));
        }
        yield list;
      }
      case "M" -> {
        ObjectNode map = JSON.objectNode();
        ObjectNode members = map.putObject("M");
        for (int i = random.nextInt(4); i > 0; i--) {
          members.set(TableShape.pick(NESTED_NAMES, random), value(depth + 1));
        }
        yield map;
      }
      case "SS" -> set("SS", () -> JSON.textNode(TableShape.pick(STRINGS.subList(1, STRINGS.size()), random)));
      case "NS" -> set("NS", () -> JSON.textNode(number()));
      case "BS" -> set("BS", () -> JSON.textNode(Base64.getEncoder().encodeToString(bytes())));
      default -> throw new IllegalArgumentException(type);
    };
  }

  String number() {
    return random.nextInt(100) == 0 ? TableShape.pick(INVALID_NUMBERS, random) : TableShape.pick(NUMBERS, random);
  }

  /** A number that is always valid, for arithmetic operands and size comparisons. */
  String validNumber() {
    return TableShape.pick(NUMBERS, random);
  }

  private byte[] bytes() {
    byte[] bytes = new byte[random.nextInt(4)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Sets of distinct members mostly; one in fifty is empty and some draw the same member twice. */
  private ObjectNode set(String type, java.util.function.Supplier<JsonNode> member) {
    ObjectNode set = JSON.objectNode();
    ArrayNode members = set.putArray(type);
    int size = random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(3);
    java.util.Set<JsonNode> seen = new java.util.HashSet<>();
    for (int i = 0; i < size; i++) {
      JsonNode next = member.get();
      if (seen.add(next) || random.nextInt(10) == 0) {
        members.add(next);
      }
    }
    return set;
  }

  static ObjectNode s(String value) {
    return JSON.objectNode().put("S", value);
  }

  static ObjectNode n(String value) {
    return JSON.objectNode().put("N", value);
  }

  static ObjectNode b(byte[] value) {
    return JSON.objectNode().put("B", Base64.getEncoder().encodeToString(value));
  }
}
