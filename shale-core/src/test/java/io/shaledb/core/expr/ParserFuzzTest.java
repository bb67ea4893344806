package io.shaledb.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.parse.Parser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated expressions to every parser: the only failure allowed is a ValidationException, never
 * another exception or a stack overflow.
 */
class ParserFuzzTest {
  private static final List<String> SEEDS = List.of(
      "a = :v AND (b < :w OR NOT attribute_exists(#c.d[3]))",
      "SET a = :a + b, c = if_not_exists(c, :z), d = list_append(d, :l) REMOVE e[1] ADD n :one DELETE s :s",
      "x BETWEEN :lo AND :hi AND begins_with(y, :p) AND size(z) >= :n AND w IN (:a, :b, :c)",
      "a, b.c, d[0].e, #f",
      "contains(tags, :t) AND attribute_type(#x, :type) OR q <> :q");
  private static final String ALPHABET = "abcxyzABC_#:.,[]()=<>+- 0123456789ANDORNOTINSETREMOVEADDDELETEBETWEEN";

  @Test
  void randomAndMutatedInput_onlyEverFailsWithValidationException() {
    long seed = new Random().nextLong();
    System.out.println("ParserFuzzTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String text = random.nextBoolean() ? mutate(SEEDS.get(random.nextInt(SEEDS.size())), random)
          : randomText(random);
      for (ExpressionKind kind : ExpressionKind.values()) {
        try {
          switch (kind) {
            case UPDATE -> Parser.update(text);
            case PROJECTION -> Parser.projection(text);
            case CONDITION, FILTER, KEY_CONDITION -> Parser.condition(kind, text);
          }
        } catch (DynamoException e) {
          assertThat(e.code()).as(text).isEqualTo(ErrorCode.VALIDATION);
        } catch (RuntimeException | StackOverflowError e) {
          fail("seed " + seed + ", " + kind + " on <" + text + ">", e);
        }
      }
    }
  }

  @Test
  void pathologicalInput_isRejectedCleanly() {
    String nested = "(".repeat(10_000) + "a = :v" + ")".repeat(10_000);
    String huge = "a = :v AND ".repeat(100_000) + "a = :v";
    for (String text : List.of(nested, huge, "NOT ".repeat(5_000) + "a = :v", "a" + "[0]".repeat(5_000))) {
      try {
        Parser.condition(ExpressionKind.CONDITION, text);
        fail("accepted a pathological expression");
      } catch (DynamoException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
      }
    }
  }

  /** The size limit bounds nesting; the deepest expressions it allows must be answered on a modest thread stack. */
  @Test
  void deepestNesting_withinTheSizeLimit_failsCleanlyOnASmallStack() throws InterruptedException {
    int depth = (Parser.MAX_EXPRESSION_BYTES - "a=:v".length()) / 2;
    List<String> deepest = List.of(
        "(".repeat(depth) + "a=:v" + ")".repeat(depth),
        "NOT(".repeat(818) + "a=:v" + ")".repeat(818),
        "size(".repeat(depth / 3) + "a" + ")".repeat(depth / 3) + ">:v",
        "SET a=" + "list_append(".repeat(depth / 8) + "a" + ",:v)".repeat(depth / 8));
    List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread parsing = new Thread(null, () -> {
      for (String text : deepest) {
        try {
          Object parsed = text.startsWith("SET") ? Parser.update(text) : Parser.condition(ExpressionKind.FILTER, text);
          outcomes.add("accepted " + parsed.getClass().getSimpleName());
        } catch (DynamoException e) {
          outcomes.add(e.getMessage());
        }
      }
    }, "small-stack", 256 * 1024);
    parsing.start();
    parsing.join();
    assertThat(outcomes).containsExactly(
        "Invalid FilterExpression: The expression has redundant parentheses;",
        "Invalid FilterExpression: The expression contains too many operators; operator count: 819",
        "Invalid FilterExpression: The expression contains too many operators; operator count: 683",
        "accepted Update");
  }

  private static String mutate(String seed, Random random) {
    StringBuilder s = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }

  private static String randomText(Random random) {
    int length = random.nextInt(40);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(
          ALPHABET.length())));
    }
    return s.toString();
  }
}
