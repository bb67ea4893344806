package io.shaledb.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of a Condition block: {@code "ForAllValues:StringLikeIfExists": {"dynamodb:Attributes": ["a*", "b"]}}.
 * Its values are compiled into tests once, when the policy is parsed; a value holding a policy variable
 * ({@code ${aws:username}}) is compiled at each request, with the variable replaced by the request's value.
 *
 * @param key the condition key, lower case
 */
public record Condition(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
    List<String> values, List<Predicate<String>> tests, boolean variables) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  public Condition {
    values = List.copyOf(values);
    tests = List.copyOf(tests);
  }

  /**
   * @throws IllegalArgumentException a value the operator cannot compare with
   */
  static Condition of(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
      List<String> values) {
    boolean variables = values.stream().anyMatch(v -> v.contains("${"));
    List<Predicate<String>> tests = new ArrayList<>();
    if (!variables) {
      values.forEach(v -> tests.add(operator.compile(v)));
    }
    return new Condition(operator, qualifier, ifExists, key.toLowerCase(Locale.ROOT), values, tests, variables);
  }

  /** Whether the condition holds for a request with {@code facts}. */
  boolean holds(RequestFacts facts) {
    List<String> present = facts.valuesOf(key);
    if (operator == ConditionOperator.NULL) {
      for (String value : values) {
        if (Boolean.parseBoolean(value) == present.isEmpty()) {
          return true;
        }
      }
      return false;
    }
    if (present.isEmpty()) {
      return switch (qualifier) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> ifExists || operator.negated();
      };
    }
    List<Predicate<String>> compiled = variables ? resolved(facts) : tests;
    boolean all = true;
    boolean any = false;
    for (String value : present) {
      boolean hit = matchesAny(compiled, value) != operator.negated();
      all &= hit;
      any |= hit;
    }
    return switch (qualifier) {
      case FOR_ALL_VALUES -> all;
      case FOR_ANY_VALUE -> any;
      case NONE -> operator.negated() ? all : any;
    };
  }

  private static boolean matchesAny(List<Predicate<String>> compiled, String value) {
    for (Predicate<String> test : compiled) {
      if (test.test(value)) {
        return true;
      }
    }
    return false;
  }

  /** The tests with each {@code ${key}} replaced by the request's value of key; a value naming an absent key fails. */
  private List<Predicate<String>> resolved(RequestFacts facts) {
    List<Predicate<String>> compiled = new ArrayList<>();
    for (String value : values) {
      Matcher variable = VARIABLE.matcher(value);
      StringBuilder text = new StringBuilder();
      boolean known = true;
      while (variable.find()) {
        List<String> replacement = facts.valuesOf(variable.group(1).toLowerCase(Locale.ROOT));
        known &= replacement.size() == 1;
        variable.appendReplacement(text, Matcher.quoteReplacement(replacement.isEmpty() ? "" : replacement.get(0)));
      }
      variable.appendTail(text);
      if (known) {
        compiled.add(operator.compile(text.toString()));
      }
    }
    return compiled;
  }
}
