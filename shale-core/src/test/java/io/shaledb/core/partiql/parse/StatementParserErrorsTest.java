package io.shaledb.core.partiql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.SeededRandom;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What DynamoDB refuses, with its exact message. Each group says where the text comes from: "captured" for strings
 * the conformance suite (paritysuite/dynamodb-conformance, tests/tier3/error-messages) or dynoxide (nubo-db/dynoxide)
 * recorded from DynamoDB; "DynamoDB Local" for DynamoDB Local 3.3.1's answers where the service's are not recorded;
 * "chosen" where DynamoDB's wording for that input is not known and the closest known message stands in for it.
 */
class StatementParserErrorsTest {
  private static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
  private static final String LEFTOVER = MALFORMED + "Unexpected token after expression";
  private static final String NOT_A_STRUCT = "Unsupported format in item expression. Please use struct format {...}"
      + " to express item values for insert statement.";
  private static final String BAG =
      "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

  private static final String TOO_MANY_IN = "The IN operator is provided with too many operands; number of operands: ";

  private static String numbers(int count) {
    return String.join(", ", Stream.iterate(1, i -> i + 1).limit(count).map(String::valueOf).toList());
  }

  static Stream<Arguments> capturedMessages() {
    return Stream.of(
        // dynoxide PR 149 and aws-sdk-for-javascript-v3 issue 98: no DML keyword first.
        arguments("CREATE TABLE t", MALFORMED + "Expected data manipulation"),
        arguments("VALUES (1)", MALFORMED + "Expected data manipulation"),
        arguments("UPDATE Payment-x SET active=? WHERE id=?", MALFORMED + "Expected data manipulation"),
        // partiqlGrammar: a token left over after a whole statement.
        arguments("SELECT * FROM \"N\" WHERE pk = 1 foo", LEFTOVER),
        arguments("SELECT * FROM \"N\" WHERE pk = 1 e5", LEFTOVER),
        arguments("INSERT INTO \"N\" VALUE {'pk': 970001} foo", LEFTOVER),
        arguments("UPDATE \"N\" SET a = 9 WHERE pk = 970002 foo", LEFTOVER),
        arguments("DELETE FROM \"N\" WHERE pk = 970003 foo", LEFTOVER),
        arguments("SELECT * FROM \"N\" WHERE pk = 1)", LEFTOVER),
        arguments("DELETE FROM \"N\" WHERE pk = 970004 ORDER BY pk", LEFTOVER),
        arguments("SELECT * FROM \"N\" ORDER BY pk WHERE pk = 1", LEFTOVER),
        arguments("INSERT INTO \"S\" t VALUE {'pk': 'x'}", LEFTOVER),
        // partiqlGrammar: what the lexer cannot read leaves nothing after the colon.
        arguments("SELECT * FROM \"N\" WHERE pk = 1e2147483648", MALFORMED),
        arguments("SELECT * FROM \"N\" WHERE pk = 1e99999999999", MALFORMED),
        arguments("SELECT * FROM \"N\" WHERE pk = 1.5e-2147483647", MALFORMED),
        arguments("SELECT * FROM \"N\" WHERE pk = 1 # note", MALFORMED),
        arguments("SELECT * FROM \"N\" WHERE pk = 1 /* note", MALFORMED),
        // dynoxide partiql_index_qualifier (R16-R18): unterminated quotes.
        arguments("SELECT * FROM \"", MALFORMED),
        arguments("SELECT * FROM \"abc", MALFORMED),
        arguments("SELECT * FROM \"t\" WHERE pk = 'oops", MALFORMED),
        // partiqlGrammar: aliases.
        arguments("SELECT * FROM \"S\" t WHERE pk = 'x'", "Aliasing is not supported"),
        arguments("SELECT * FROM \"S\" AS t WHERE pk = 'x'", "Aliasing is not supported"),
        arguments("UPDATE \"S\" t SET a = 3 WHERE pk = 'x'", "Aliasing is not supported"),
        arguments("DELETE FROM \"S\" t WHERE pk = 'x'", "Aliasing is not supported"),
        // partiqlGrammar: numbers out of DynamoDB's range, and where they stand.
        arguments("SELECT * FROM \"N\" WHERE pk = 1e126", OVERFLOW + " under root"),
        arguments("SELECT * FROM \"N\" WHERE pk = 1e-131", UNDERFLOW + " under root"),
        arguments("SELECT * FROM \"N\" WHERE pk = 123456789012345678901234567890123456789",
            "Attempting to store more than 38 significant digits in a Number under root"),
        arguments("INSERT INTO \"N\" VALUE {'pk': 1e126}", OVERFLOW + " under root"),
        arguments("UPDATE \"N\" SET a = 1e-131 WHERE pk = 970005", UNDERFLOW + " under root"),
        arguments("INSERT INTO \"N\" VALUE {'pk': 970006, 'm': {'x': 1e126}}", OVERFLOW + " under root.x"),
        arguments("INSERT INTO \"N\" VALUE {'pk': 970007, 'l': [1, 1e126]}", OVERFLOW + " under root[1]"),
        // dynoxide partiql_index_qualifier (Q14, Q15, Q22): the FROM clause.
        arguments("SELECT * FROM \"t\".\"gsi-all\".\"more\"",
            "A path may contain at most 2 components in the FROM clause"),
        arguments("SELECT * FROM \"t\".\"\"", "Path component cannot be an empty string"),
        arguments("INSERT INTO \"t\".\"gsi-all\" VALUE {'pk':'w','sk':'w'}",
            "FROM clause may only contain a single table name in data manipulation statements"),
        // dynoxide tests/partiql.rs: COUNT and other calls as a projection, with the position of the name.
        arguments("SELECT COUNT(*) FROM \"Users\"", "Unexpected path component at 1:8:5"),
        arguments("SELECT pk, COUNT(*) FROM \"Users\"", "Unexpected path component at 1:12:5"),
        arguments("SELECT  count(pk) FROM \"T\"", "Unexpected path component at 1:9:5"),
        arguments("SELECT\n COUNT(*) FROM \"T\"", "Unexpected path component at 2:2:5"),
        arguments("SELECT attribute_exists(ss) FROM \"T\" WHERE pk = 'x'", "Unexpected path component at 1:8:16"),
        // partiqlFunctions: calls in a WHERE.
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND attribute_exists('ss')",
            "Operator or function requires a document path; operator or function: attribute_exists"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND attribute_exists(?)",
            "Operator or function requires a document path; operator or function: attribute_exists"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND attribute_exists()",
            "Incorrect number of operands for operator or function; operator or function: attribute_exists,"
                + " number of operands: 0"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND attribute_exists(ss, ns)",
            "Incorrect number of operands for operator or function; operator or function: attribute_exists,"
                + " number of operands: 2"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND EXISTS(ss)", "Unrecognized function: exists at 1:38:6"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND attribute_exists(m.inner)",
            MALFORMED + "Invalid path dot component"),
        arguments("SELECT * FROM \"T\" WHERE pk = 'x' AND set_add(ss, <<'x'>>) = ss",
            "Unrecognized function: set_add at 1:38:7"),
        // partiqlFunctions: set_add and set_delete in a SET.
        arguments("UPDATE \"T\" SET t = set_add(ss, <<'x'>>) WHERE pk = 'x'",
            "The first argument to SET_ADD must equal the assignment value at 1:20:7"),
        arguments("UPDATE \"T\" SET ss = set_add(<<'a'>>, <<'b'>>) WHERE pk = 'x'",
            "The first argument to SET_ADD must equal the assignment value at 1:21:7"),
        arguments("UPDATE \"T\" SET ss = set_add(ss, 'x') WHERE pk = 'x'",
            "The second argument to SET_ADD must be a value with type SET at 1:29:2"),
        arguments("UPDATE \"T\" SET ss = set_add(ss, ['x']) WHERE pk = 'x'",
            "The second argument to SET_ADD must be a value with type SET at 1:29:2"),
        arguments("UPDATE \"T\" SET ss = set_add(ss) WHERE pk = 'x'",
            "SET_ADD must have exactly two arguments at 1:21:7"),
        arguments("UPDATE \"T\" SET ss = set_add(ss, <<'x'>>, <<'y'>>) WHERE pk = 'x'",
            "SET_ADD must have exactly two arguments at 1:21:7"),
        arguments("UPDATE \"T\" SET ss = set_add(ss, <<>>) WHERE pk = 'x'", "Empty bags are not supported"),
        arguments("UPDATE \"T\" SET m.inner = set_add(m.inner, <<'y'>>) WHERE pk = 'x'",
            MALFORMED + "Invalid path dot component"),
        arguments("UPDATE \"T\" SET t = set_delete(ss, <<'a'>>) WHERE pk = 'x'",
            "The first argument to SET_DELETE must equal the assignment value at 1:20:10"),
        arguments("UPDATE \"T\" SET ss = set_delete(ss, 'a') WHERE pk = 'x'",
            "The second argument to SET_DELETE must be a value with type SET at 1:32:2"),
        arguments("INSERT INTO \"T\" VALUE {'pk': 'x', 'ss': set_add(<<'a'>>, <<'b'>>)}",
            "Unsupported data type: set_add under key root at 1:41:7"),
        // dynoxide tests/partiql.rs (issue 137): DELETE returns the old item or nothing.
        arguments("DELETE FROM \"T\" WHERE pk = 'a' RETURNING MODIFIED OLD *",
            "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE"
                + " statements."),
        arguments("DELETE FROM \"T\" WHERE pk = 'a' RETURNING ALL NEW *",
            "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements."),
        arguments("DELETE FROM \"T\" WHERE pk = 'a' RETURNING MODIFIED NEW *",
            "Invalid returning clause: RETURNING MODIFIED NEW *. Only RETURNING ALL OLD * is allowed in DELETE"
                + " statements."));
  }

  /**
   * Refusals whose wording DynamoDB Local 3.3.1 gave (its PartiQL front end is the service's; its syntax errors are
   * not, so none is taken from it).
   */
  static Stream<Arguments> dynamoDbLocalMessages() {
    String unsupportedIs = "Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE,"
        + " LIST] at 1:27:2";
    String invalidIn = "IN operator must have a left hand argument of type Variable Reference and right hand argument"
        + " of type Seq with at least one member";
    return Stream.of(
        arguments("SELECT * FROM \"a\" WHERE a IS INT", "Unsupported data type for IS operator: INTEGER. "
            + unsupportedIs),
        arguments("SELECT * FROM \"a\" WHERE a IS NOT VARCHAR(3)",
            "Unsupported data type for IS operator: CHARACTER_VARYING. " + unsupportedIs),
        arguments("SELECT * FROM \"a\" WHERE a IS DOUBLE PRECISION",
            "Unsupported data type for IS operator: DOUBLE_PRECISION. " + unsupportedIs),
        arguments("SELECT * FROM \"a\" WHERE a IS TIME WITH TIME ZONE",
            "Unsupported data type for IS operator: TIME_WITH_TIME_ZONE. " + unsupportedIs),
        arguments("SELECT * FROM \"a\" WHERE a IS bag", "Unsupported data type for IS operator: BAG. "
            + unsupportedIs),
        arguments("SELECT * FROM \"a\" WHERE pk IN ?", invalidIn),
        arguments("SELECT * FROM \"a\" WHERE pk IN []", invalidIn),
        arguments("SELECT * FROM \"a\" WHERE a IN [" + numbers(101) + "]", TOO_MANY_IN + 101),
        arguments("UPDATE \"a\" SET x = 1 WHERE pk = 1 AND a IN (" + numbers(150) + ") AND b IN [" + numbers(101)
            + "]", TOO_MANY_IN + 150),
        // Every syntax error comes first.
        arguments("SELECT * FROM \"a\" WHERE a IN [" + numbers(101) + "] foo", LEFTOVER),
        arguments("INSERT INTO \"a\" VALUE [1, 2]", NOT_A_STRUCT + " at 1:23:1"),
        arguments("INSERT INTO \"a\" VALUE ?", NOT_A_STRUCT + " at 1:23:1"),
        arguments("INSERT INTO \"a\" VALUE  (-'x')", NOT_A_STRUCT + " at 1:26:3"),
        arguments("INSERT INTO \"a\" VALUE a.b", NOT_A_STRUCT),
        arguments("INSERT INTO \"a\" VALUE {'s': <<true>>}", BAG + " at 1:31:4"),
        arguments("INSERT INTO \"a\" VALUE {'s': <<'a', 1>>}", BAG + " at 1:36:1"),
        arguments("INSERT INTO \"a\" VALUE {'s': <<1, 'a'>>}", BAG),
        arguments("INSERT INTO \"a\" VALUE {'s': <<1, ?>>}", "Unsupported data type: Parameter under key root"
            + " at 1:34:1"),
        arguments("SELECT * FROM \"a\" WHERE s = <<'a', [1]>>", BAG + " at 1:36:1"),
        arguments("INSERT INTO \"a\" VALUE {'pk': 1} RETURNING ALL NEW *", "RETURNING is not supported in INSERT"),
        arguments("SELECT * FROM \"a\" WHERE pk IN (SELECT x FROM \"b\")", invalidIn),
        arguments("DELETE FROM \"a\"", "Where clause does not contain a mandatory equality on all key attributes"),
        arguments("UPDATE \"a\" SET x = 1", "Where clause does not contain a mandatory equality on all key attributes"),
        arguments("SELECT * FROM \"a\" WHERE a = - b", "Unsupported operator in Condition Expression. Operator: -"),
        arguments("UPDATE \"a\" SET x = -b WHERE pk = 1", "Incorrect number of operands for operator or function;"
            + " operator or function: -, number of operands: 1"),
        arguments("SELECT * FROM \"a\" WHERE begins_with(a)",
            "Incorrect number of operands for operator or function; operator or function: begins_with,"
                + " number of operands: 1"));
  }

  /**
   * Where neither a capture nor DynamoDB Local settles the wording. DynamoDB Local parses JOIN, a second table, GROUP
   * BY, HAVING, LIMIT and LIKE as PartiQL and refuses them in words of its own ("Only select from a single table or
   * index is supported.", "Unsupported clause: LIMIT at ...", "Unsupported operator in Condition Expression.
   * Operator: like"), but it drops positions the service gives elsewhere ("Unrecognized function: exists" where the
   * service says "... at 1:38:6"), so its words are not taken for these; its syntax errors echo the statement, which
   * the service's never do. Its other differences: UNION answers "EXISTS can only be used in ExecuteTransaction write
   * requests.", VALUES "Unsupported operation: InsertOp", {@code a.*} "Changing item's hierarchy while reading isn't
   * supported", a list_append in a WHERE "The function is not allowed in a condition expression; function:
   * list_append"; it names an unknown function without a position, and an empty bag in a WHERE with one (the
   * service's answer to an empty bag in a SET, captured, has none).
   */
  static Stream<Arguments> chosenMessages() {
    return Stream.of(
        // Constructs DynamoDB does not run: left over after a whole statement, as in the captured cases.
        arguments("SELECT * FROM \"a\" JOIN \"b\" ON a.x = b.y", LEFTOVER),
        arguments("SELECT * FROM \"a\", \"b\"", LEFTOVER),
        arguments("SELECT * FROM \"a\" WHERE pk = 1 GROUP BY x", LEFTOVER),
        arguments("SELECT * FROM \"a\" WHERE pk = 1 LIMIT 10", LEFTOVER),
        arguments("SELECT * FROM \"a\" WHERE a LIKE 'x%'", LEFTOVER),
        arguments("SELECT * FROM \"a\" WHERE pk = 1 UNION SELECT * FROM \"b\"", LEFTOVER),
        // A reserved word where a name or value is due (PyDynamoDB issue 26 shows the wording).
        arguments("INSERT INTO \"a\" VALUES ('x')", MALFORMED + "Unexpected keyword"),
        arguments("SELECT * FROM \"a\" WHERE value = 1", MALFORMED + "Unexpected keyword"),
        arguments("SELECT * FROM \"a\" WHERE pk = ", MALFORMED + "Unexpected term"),
        arguments("SELECT * FROM \"a\" WHERE (pk = 1", MALFORMED + "Unexpected token"),
        arguments("SELECT * FROM", MALFORMED + "Unexpected term"),
        arguments("SELECT * \"a\"", MALFORMED + "Unexpected token"),
        arguments("UPDATE \"a\" WHERE pk = 1", MALFORMED + "Expected data manipulation"),
        arguments("UPDATE \"a\" SET x = 1 WHERE pk = 1 RETURNING ALL *", MALFORMED + "Unexpected token"),
        arguments("SELECT * FROM \"a\" WHERE a IS NUMBER", MALFORMED + "Unexpected token"),
        arguments("SELECT a.* FROM \"a\"", MALFORMED + "Invalid path dot component"),
        arguments("SELECT 'x' FROM \"a\"", "Unexpected path component at 1:8:3"),
        arguments("SELECT * FROM \"a\" WHERE foo(a) = 1", "Unrecognized function: foo at 1:25:3"),
        arguments("SELECT * FROM \"a\" WHERE list_append(a, b) = 1", "Unrecognized function: list_append at 1:25:11"),
        arguments("UPDATE \"a\".\"i\" SET x = 1 WHERE pk = 1",
            "FROM clause may only contain a single table name in data manipulation statements"),
        arguments("SELECT * FROM \"a\" WHERE pk = <<>>", "Empty bags are not supported"),
        arguments("", MALFORMED + "Expected data manipulation"),
        arguments("SELECT * FROM \"a\" WHERE " + "(".repeat(10_000) + "pk = 1" + ")".repeat(10_000), MALFORMED));
  }

  @ParameterizedTest
  @MethodSource({"capturedMessages", "dynamoDbLocalMessages", "chosenMessages"})
  void parse_refusedStatement_throwsValidationWithDynamoDbMessage(String statement, String message) {
    assertThatThrownBy(() -> StatementParser.parse(statement))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage(message);
  }

  @Test
  void parse_mutatedStatements_succeedOrFailWithValidationOnly() {
    SeededRandom seeded = SeededRandom.of("parse_mutatedStatements_succeedOrFailWithValidationOnly");
    Random random = seeded.random();
    RandomStatements statements = new RandomStatements(random);
    StatementPrinter printer = new StatementPrinter(random);
    for (int i = 0; i < 3_000; i++) {
      String text = mutate(printer.print(statements.statement()), random);
      try {
        StatementParser.parse(text);
      } catch (DynamoException e) {
        assertThat(e.code()).as("seed %d: %s", seeded.seed(), text).isEqualTo(ErrorCode.VALIDATION);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seeded.seed() + ": " + text, e);
      }
    }
  }

  /** The text with a few characters deleted, doubled, or replaced by one of the language's. */
  private static String mutate(String text, Random random) {
    StringBuilder mutated = new StringBuilder(text);
    for (int m = 1 + random.nextInt(3); m > 0 && !mutated.isEmpty(); m--) {
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(3)) {
        case 0 -> mutated.deleteCharAt(at);
        case 1 -> mutated.insert(at, mutated.charAt(at));
        default -> mutated.setCharAt(at, "()[]{}<>'\".,:?*=+-#/ 0e".charAt(random.nextInt(23)));
      }
    }
    return mutated.toString();
  }

  @Test
  void parse_longestStatementOfNestedBrackets_failsWithoutExhaustingTheStack() {
    String deep = "SELECT * FROM \"a\" WHERE pk = " + "[".repeat(8_000) + "]".repeat(8_000);

    assertThatThrownBy(() -> StatementParser.parse(deep)).hasMessage(MALFORMED);
  }
}
