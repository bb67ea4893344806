package io.shaledb.server.policy;

import io.shaledb.server.json.JsonTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses policy documents in IAM's JSON grammar
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html): {@code Statement} one
 * statement or a list; {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource} a string or a list;
 * {@code Principal} {@code "*"} or {@code {"AWS": ...}}, or {@code NotPrincipal}, in resource policies only; {@code Condition} blocks of
 * operator, key and one value or a list. Element names are case-sensitive, as IAM's are; actions match without
 * regard to case, resources with it.
 */
public final class PolicyParser {
  private static final String SYNTAX = "Syntax errors in policy.";

  /** Which kind of policy a document is, which decides whether its statements name principals. */
  public enum Kind {
    IDENTITY,
    RESOURCE
  }

  private PolicyParser() {}

  /**
   * @throws IllegalArgumentException with IAM's MalformedPolicyDocument message for a document that is not a policy
   */
  public static PolicyDocument parse(String document, Kind kind) {
    Object tree;
    try {
      tree = JsonTree.read(document);
    } catch (IOException e) {
      throw new IllegalArgumentException(SYNTAX, e);
    }
    Object statements = tree instanceof Map<?, ?> root ? root.get("Statement") : null;
    if (statements == null) {
      throw new IllegalArgumentException(SYNTAX);
    }
    List<Statement> parsed = new ArrayList<>();
    for (Object statement : list(statements)) {
      if (!(statement instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException(SYNTAX);
      }
      parsed.add(statement(fields, kind));
    }
    return new PolicyDocument(parsed);
  }

  private static Statement statement(Map<?, ?> fields, Kind kind) {
    Object named = fields.get("Effect");
    if (named == null) {
      throw new IllegalArgumentException(SYNTAX);
    }
    Effect effect = switch (String.valueOf(named)) {
      case "Allow" -> Effect.ALLOW;
      case "Deny" -> Effect.DENY;
      default -> throw new IllegalArgumentException("Invalid effect: " + named);
    };
    NameMatch actions = names(fields, "Action", "NotAction", true, "Policy statement must contain actions.");
    NameMatch resources = names(fields, "Resource", "NotResource", false,
        "Policy statement must contain resources.");
    PrincipalMatch principal = null;
    Object principalNamed = fields.get("Principal");
    switch (kind) {
      case IDENTITY -> {
        if (principalNamed != null || fields.containsKey("NotPrincipal")) {
          throw new IllegalArgumentException("Policy document should not specify a principal.");
        }
      }
      case RESOURCE -> {
        Object exceptNamed = fields.get("NotPrincipal");
        if (principalNamed != null && exceptNamed != null) {
          throw new IllegalArgumentException(SYNTAX);
        } else if (principalNamed != null) {
          principal = principal(principalNamed);
        } else if (exceptNamed != null) {
          principal = new PrincipalMatch.AllExcept(principal(exceptNamed));
        } else {
          throw new IllegalArgumentException("Policy statement must contain a principal.");
        }
      }
    }
    List<Condition> conditions = new ArrayList<>();
    if (fields.get("Condition") instanceof Map<?, ?> block) {
      block.forEach((operator, keys) -> conditions.addAll(conditions(String.valueOf(operator), keys)));
    } else if (fields.containsKey("Condition")) {
      throw new IllegalArgumentException(SYNTAX);
    }
    return new Statement(effect, actions, resources, principal, conditions);
  }

  private static NameMatch names(Map<?, ?> fields, String listed, String excepted, boolean ignoreCase,
      String missing) {
    Object included = fields.get(listed);
    Object excluded = fields.get(excepted);
    if ((included == null) == (excluded == null)) {
      throw new IllegalArgumentException(included == null ? missing : SYNTAX);
    }
    List<Wildcard> patterns = new ArrayList<>();
    for (Object name : list(included == null ? excluded : included)) {
      patterns.add(Wildcard.compile(text(name), ignoreCase));
    }
    return included == null ? new NameMatch.AllExcept(patterns) : new NameMatch.Listed(patterns);
  }

  private static PrincipalMatch principal(Object named) {
    if ("*".equals(named)) {
      return new PrincipalMatch.Anyone();
    }
    Object aws = named instanceof Map<?, ?> map && map.size() == 1 ? map.get("AWS") : null;
    if (aws == null) {
      throw new IllegalArgumentException("Invalid principal in policy");
    }
    List<String> principals = new ArrayList<>();
    for (Object principal : list(aws)) {
      principals.add(text(principal));
    }
    return principals.contains("*") ? new PrincipalMatch.Anyone() : new PrincipalMatch.Listed(principals);
  }

  /** {@code "ForAllValues:StringLikeIfExists": {"key": values, ...}}. */
  private static List<Condition> conditions(String name, Object keys) {
    SetQualifier qualifier = SetQualifier.NONE;
    String operator = name;
    if (operator.startsWith("ForAllValues:")) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      operator = operator.substring("ForAllValues:".length());
    } else if (operator.startsWith("ForAnyValue:")) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      operator = operator.substring("ForAnyValue:".length());
    }
    boolean ifExists = operator.endsWith("IfExists");
    if (ifExists) {
      operator = operator.substring(0, operator.length() - "IfExists".length());
    }
    ConditionOperator parsed = ConditionOperator.named(operator);
    if (!(keys instanceof Map<?, ?> byKey)) {
      throw new IllegalArgumentException(SYNTAX);
    }
    List<Condition> conditions = new ArrayList<>();
    for (Map.Entry<?, ?> entry : byKey.entrySet()) {
      List<String> values = new ArrayList<>();
      for (Object value : list(entry.getValue())) {
        values.add(text(value));
      }
      conditions.add(Condition.of(parsed, qualifier, ifExists, String.valueOf(entry.getKey()), values));
    }
    return conditions;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of(value);
  }

  /** A scalar as IAM compares it: strings as they are, booleans and numbers as written. */
  private static String text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException(SYNTAX);
    }
    return String.valueOf(value);
  }
}
