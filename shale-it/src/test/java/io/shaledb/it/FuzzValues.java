package io.shaledb.it;

import io.shaledb.it.JsonTree.Arr;
import io.shaledb.it.JsonTree.Bool;
import io.shaledb.it.JsonTree.Member;
import io.shaledb.it.JsonTree.Null;
import io.shaledb.it.JsonTree.Num;
import io.shaledb.it.JsonTree.Obj;
import io.shaledb.it.JsonTree.Raw;
import io.shaledb.it.JsonTree.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The values the fuzzer puts where a request had others: strings and names at and past DynamoDB's limits or not
 * valid Unicode, numbers no integer type holds, deep nesting, and attribute values that break one rule each.
 */
final class FuzzValues {
  private static final List<String> STRINGS = List.of("", " ", "x", "a".repeat(255), "a".repeat(256), "\u0000",
      "a\u001fb", "\ud800", "a\udc00b", "\udbff", "\udbff\udfff", "\ud83d\ude00", "é", "?", "#n", ":v", "#", ":",
      "attribute_exists(", "a = :v", "SET a = :v", "REMOVE", "size(a) > :v", "a.b[1]", "a[-1]", "S", "N", "B", "SS",
      "HASH", "RANGE", "ALL", "KEYS_ONLY", "INCLUDE", "NONE", "ALL_OLD", "UPDATED_NEW", "TOTAL", "INDEXES", "SIZE",
      "COUNT", "EQ", "BETWEEN", "IN", "NULL", "NOT_NULL", "BEGINS_WITH", "PUT", "ADD", "DELETE", "PROVISIONED",
      "PAY_PER_REQUEST", "NEW_IMAGE", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER",
      "TRIM_HORIZON", "00000000000000000001", "arn:aws:dynamodb:us-east-1:000000000000:table/nope",
      "arn:aws:dynamodb:us-east-1:000000000000:table/fuzz/stream/2020-01-01T00:00:00.000", "shardId-garbage",
      "byGlobal", "byLocal", "nope");
  private static final List<String> NUMBERS = List.of("9223372036854775807", "9223372036854775808",
      "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649", "0", "-0", "-1", "1", "100",
      "101", "1000000", "1.5", "1E2", "1e400", "-1e400", "1e-400", "0.0", digits(1001), digits(20_000));
  private static final List<String> BAD_NUMBERS = List.of("01", "1.", ".5", "+1", "NaN", "Infinity", "-", "1e",
      "0x10", "--1", "1e+", "٣");
  private static final List<String> NUMBER_STRINGS = List.of("", " ", "abc", "1e126", "1E125", "1e-130", "1e-131",
      "9.9999999999999999999999999999999999999E+125", digits(38), digits(39), "-0", "0.000", "1_0", "Infinity",
      "NaN", " 1", "1 ", "+1", "0x1F", "1e", "-", ".");
  private static final List<String> BAD_ATTRIBUTE_VALUES = List.of("{}", "{\"S\":null}", "{\"SS\":[null]}",
      "{\"NS\":[null]}", "{\"BS\":[null]}", "{\"NS\":[\"1\",\"1.0\"]}", "{\"SS\":[\"a\",\"a\"]}", "{\"SS\":[]}",
      "{\"M\":null}", "{\"L\":[null]}", "{\"M\":{\"a\":null}}", "{\"S\":\"a\",\"N\":\"1\"}", "{\"X\":\"1\"}",
      "{\"NULL\":false}", "{\"B\":\"!!\"}", "{\"B\":\"AAE\"}", "{\"B\":\"\"}", "{\"BOOL\":\"true\"}",
      "{\"BOOL\":1}", "{\"N\":1}", "{\"N\":\"1e500\"}", "{\"S\":\"\"}", "{\"SS\":\"a\"}", "{\"L\":{}}", "{\"M\":[]}",
      "{\"S\":\"\\ud800\"}", "{\"S\":[\"a\"]}", "{\"N\":null,\"S\":\"a\"}", "{\"SS\":[\"\\udc00\"]}",
      "{\"NS\":[\"x\"]}", "{\"BS\":[\"!\"]}", "{\"L\":[{}]}", "{\"M\":{\"\":{\"S\":\"a\"}}}", "null", "[]", "\"S\"");
  private static final int[] DEPTHS = {31, 32, 33, 34, 100, 499, 500, 501, 999, 1000, 1001, 5_000, 100_000};
  private static final int[] LENGTHS = {1024, 2048, 2049, 65_535, 65_536, 100_000};
  private static final int[] HUGE_LENGTHS = {409_600, 1_000_000, 2_000_000};

  private FuzzValues() {}

  static String digits(int count) {
    return "1".repeat(count);
  }

  static String string(Random random) {
    return STRINGS.get(random.nextInt(STRINGS.size()));
  }

  /** A string at or past a length limit; one in twenty is hundreds of kilobytes or more. */
  static String longString(Random random) {
    int length = random.nextInt(20) == 0 ? HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)]
        : LENGTHS[random.nextInt(LENGTHS.length)];
    return random.nextBoolean() ? "a".repeat(length) : "é".repeat(length / 2);
  }

  static JsonTree number(Random random) {
    return random.nextInt(4) == 0 ? new Raw(BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size())))
        : new Num(NUMBERS.get(random.nextInt(NUMBERS.size())));
  }

  static JsonTree numberString(Random random) {
    return new Str(NUMBER_STRINGS.get(random.nextInt(NUMBER_STRINGS.size())));
  }

  static JsonTree badAttributeValue(Random random) {
    return new Raw(BAD_ATTRIBUTE_VALUES.get(random.nextInt(BAD_ATTRIBUTE_VALUES.size())));
  }

  /** A value of a random JSON type, small. */
  static JsonTree anyValue(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> new Str(string(random));
      case 1 -> number(random);
      case 2 -> new Bool(random.nextBoolean());
      case 3 -> new Null();
      case 4 -> new Obj(new ArrayList<>());
      case 5 -> new Arr(new ArrayList<>());
      case 6 -> new Obj(new ArrayList<>(List.of(new Member(string(random), new Str(string(random))))));
      default -> new Arr(new ArrayList<>(List.of(new Str(string(random)))));
    };
  }

  /**
   * Nesting to a depth around the limits that matter: DynamoDB's 32 levels of documents and the JSON parser's
   * own, as plain arrays and objects or as attribute values ({@code {"M": {"a": {"M": ...}}}}, {@code {"L": [...]}}).
   */
  static JsonTree nested(Random random) {
    int depth = DEPTHS[random.nextInt(DEPTHS.length)];
    String[] shape = switch (random.nextInt(4)) {
      case 0 -> new String[] {"[", "]", "1"};
      case 1 -> new String[] {"{\"a\":", "}", "1"};
      case 2 -> new String[] {"{\"M\":{\"a\":", "}}", "{\"S\":\"x\"}"};
      default -> new String[] {"{\"L\":[", "]}", "{\"N\":\"1\"}"};
    };
    StringBuilder text = new StringBuilder(depth * (shape[0].length() + shape[1].length()) + 16);
    text.append(shape[0].repeat(depth)).append(shape[2]).append(shape[1].repeat(depth));
    return new Raw(text.toString());
  }
}
