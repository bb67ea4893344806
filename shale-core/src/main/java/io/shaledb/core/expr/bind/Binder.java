package io.shaledb.core.expr.bind;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.eval.Comparisons;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.TableMetadata;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the placeholders of parsed expressions against one request's ExpressionAttributeNames and
 * ExpressionAttributeValues, checks what can be checked without an item (operand types of values, BETWEEN bounds,
 * overlapping update paths), and records which names and values were used so that {@link #checkAllUsed} can
 * report the unused ones across all of the request's expressions, as DynamoDB does.
 */
public final class Binder {
  private static final String VALID_TYPES = "{ B, NULL, SS, BOOL, L, BS, N, NS, S, M }";

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new LinkedHashSet<>();
  private final Set<String> usedValues = new LinkedHashSet<>();
  /** The top-level attributes that bound paths look inside of; made on the first such path. */
  private @Nullable Set<String> nestedHeads;

  /**
   * @param names ExpressionAttributeNames, or null
   * @param values ExpressionAttributeValues, or null
   */
  public Binder(@Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    this.names = names == null ? Map.of() : names;
    this.values = values == null ? Map.of() : values;
  }

  public Condition bind(ExpressionKind kind, Condition condition) {
    return switch (condition) {
      case Condition.Comparison c -> {
        Operand left = operand(kind, c.left());
        Operand right = operand(kind, c.right());
        requireDistinct(kind, c.comparator().symbol(), left, List.of(right));
        if (c.comparator() != Comparator.EQ && c.comparator() != Comparator.NE) {
          requireScalar(kind, c.comparator().symbol(), left);
          requireScalar(kind, c.comparator().symbol(), right);
        }
        yield new Condition.Comparison(left, c.comparator(), right);
      }
      case Condition.Between b -> {
        Operand value = operand(kind, b.value());
        Operand low = operand(kind, b.low());
        Operand high = operand(kind, b.high());
        requireDistinct(kind, "BETWEEN", value, List.of(low, high));
        for (Operand operand : List.of(value, low, high)) {
          requireScalar(kind, "BETWEEN", operand);
        }
        if (low instanceof Operand.Literal l && high instanceof Operand.Literal h) {
          if (l.value().type() != h.value().type()) {
            throw kind.invalid("The BETWEEN operator requires same data type for lower and upper bounds; lower bound"
                + " operand: " + render(l.value()) + ", upper bound operand: " + render(h.value()));
          }
          if (Comparisons.compare(l.value(), h.value()) > 0) {
            throw kind.invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
                + " lower bound operand: " + render(l.value()) + ", upper bound operand: " + render(h.value()));
          }
        }
        yield new Condition.Between(value, low, high);
      }
      case Condition.In in -> {
        Operand value = operand(kind, in.value());
        List<Operand> candidates = new ArrayList<>();
        for (Operand candidate : in.candidates()) {
          candidates.add(operand(kind, candidate));
        }
        requireDistinct(kind, "IN", value, candidates);
        yield new Condition.In(value, candidates);
      }
      case Condition.And and -> new Condition.And(bind(kind, and.left()), bind(kind, and.right()));
      case Condition.Or or -> new Condition.Or(bind(kind, or.left()), bind(kind, or.right()));
      case Condition.Not not -> new Condition.Not(bind(kind, not.condition()));
      case Condition.Function f -> function(kind, f);
    };
  }

  private Condition function(ExpressionKind kind, Condition.Function f) {
    List<Operand> arguments = new ArrayList<>();
    for (Operand argument : f.arguments()) {
      arguments.add(operand(kind, argument));
    }
    if (arguments.size() == 2) {
      requireDistinct(kind, f.function().functionName(), arguments.get(0), List.of(arguments.get(1)));
    }
    switch (f.function()) {
      case ATTRIBUTE_TYPE -> {
        if (!(arguments.get(1) instanceof Operand.Literal type && type.value() instanceof AttributeValue.S s)) {
          throw incorrectOperand(kind, "operator or function: attribute_type", arguments.get(1));
        }
        if (AttributeType.fromWireName(s.value()) == null) {
          throw kind.invalid("Invalid attribute type name found; type: " + s.value() + ", valid types: "
              + VALID_TYPES);
        }
      }
      case BEGINS_WITH -> {
        for (Operand argument : arguments) {
          if (argument instanceof Operand.Literal l && l.value().type() != AttributeType.S
              && l.value().type() != AttributeType.B) {
            throw incorrectOperand(kind, "operator or function: begins_with", argument);
          }
        }
      }
      case ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS, CONTAINS -> { }
    }
    return new Condition.Function(f.function(), arguments);
  }

  public Update bind(Update update) {
    List<Update.Action> actions = new ArrayList<>();
    for (Update.Action action : update.actions()) {
      Path path = path(ExpressionKind.UPDATE, action.path());
      actions.add(switch (action) {
        case Update.Set set -> new Update.Set(path, setValue(set.value()));
        case Update.Remove ignored -> new Update.Remove(path);
        case Update.Add add -> {
          Operand value = operand(ExpressionKind.UPDATE, add.value());
          AttributeType type = ((Operand.Literal) value).value().type();
          if (type != AttributeType.N && !type.isSet()) {
            throw wrongSetOperand("ADD", type);
          }
          yield new Update.Add(path, value);
        }
        case Update.Delete delete -> {
          Operand value = operand(ExpressionKind.UPDATE, delete.value());
          AttributeType type = ((Operand.Literal) value).value().type();
          if (!type.isSet()) {
            throw wrongSetOperand("DELETE", type);
          }
          yield new Update.Delete(path, value);
        }
      });
    }
    checkOverlaps(ExpressionKind.UPDATE, actions.stream().map(Update.Action::path).toList());
    return new Update(actions);
  }

  private Operand setValue(Operand operand) {
    ExpressionKind kind = ExpressionKind.UPDATE;
    return switch (operand) {
      case Operand.Arithmetic a -> {
        Operand left = setValue(a.left());
        Operand right = setValue(a.right());
        for (Operand side : List.of(left, right)) {
          if (side instanceof Operand.Literal l && l.value().type() != AttributeType.N) {
            throw incorrectOperand(kind, "operator or function: " + (a.add() ? "+" : "-"), side);
          }
        }
        yield new Operand.Arithmetic(left, a.add(), right);
      }
      case Operand.ListAppend l -> {
        Operand first = setValue(l.first());
        Operand second = setValue(l.second());
        for (Operand side : List.of(first, second)) {
          if (side instanceof Operand.Literal v && v.value().type() != AttributeType.L) {
            throw incorrectOperand(kind, "operator or function: list_append", side);
          }
        }
        yield new Operand.ListAppend(first, second);
      }
      case Operand.IfNotExists i -> new Operand.IfNotExists(path(kind, i.path()), setValue(i.fallback()));
      case Operand.PathOperand p -> operand(kind, p);
      case Operand.Placeholder p -> operand(kind, p);
      case Operand.Literal l -> l;
      case Operand.Size size -> operand(kind, size);
    };
  }

  /** Binds a ProjectionExpression's paths; two that overlap or conflict are refused, as in an update. */
  public List<Path> bind(ExpressionKind kind, List<Path> paths) {
    List<Path> bound = new ArrayList<>(paths.size());
    for (Path path : paths) {
      bound.add(path(kind, path));
    }
    checkOverlaps(kind, bound);
    return bound;
  }

  /**
   * Refuses the expressions bound so far when they look inside a key attribute of {@code table} (a list index or a
   * map key on it): DynamoDB checks the table's key, then its indexes' keys.
   */
  public void checkKeyPaths(TableMetadata table) {
    if (nestedHeads == null) {
      return;
    }
    for (KeyAttribute key : table.keySchema().attributes()) {
      if (nestedHeads.contains(key.name())) {
        throw nestedKey("Key: " + key.name());
      }
    }
    for (IndexMetadata index : table.indexes()) {
      for (KeyAttribute key : index.keySchema().attributes()) {
        if (nestedHeads.contains(key.name())) {
          throw nestedKey("IndexKey: " + key.name());
        }
      }
    }
  }

  private static DynamoException nestedKey(String which) {
    return DynamoException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.'"
        + " are not allowed: " + which);
  }

  /**
   * Reports names and values that none of the request's expressions used. Only declared keys are ever marked used,
   * so equal counts mean nothing is unused and the sorted report need not be built.
   */
  public void checkAllUsed() {
    if (usedNames.size() == names.size() && usedValues.size() == values.size()) {
      return;
    }
    Set<String> unusedNames = new TreeSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
          + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = new TreeSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
          + String.join(", ", unusedValues) + "}");
    }
  }

  private Operand operand(ExpressionKind kind, Operand operand) {
    return switch (operand) {
      case Operand.PathOperand p -> new Operand.PathOperand(path(kind, p.path()));
      case Operand.Placeholder p -> {
        AttributeValue value = values.get(p.name());
        if (value == null) {
          throw kind.invalid("An expression attribute value used in expression is not defined; attribute value: "
              + p.name());
        }
        usedValues.add(p.name());
        yield new Operand.Literal(value);
      }
      case Operand.Size s -> new Operand.Size(operand(kind, s.operand()));
      case Operand.Literal l -> l;
      case Operand.IfNotExists i -> new Operand.IfNotExists(path(kind, i.path()), operand(kind, i.fallback()));
      case Operand.ListAppend l -> new Operand.ListAppend(operand(kind, l.first()), operand(kind, l.second()));
      case Operand.Arithmetic a -> new Operand.Arithmetic(operand(kind, a.left()), a.add(), operand(kind, a.right()));
    };
  }

  private Path path(ExpressionKind kind, Path path) {
    if (path.elements().size() > 1 && path.elements().getFirst() instanceof PathElement.Name head) {
      if (nestedHeads == null) {
        nestedHeads = new HashSet<>();
      }
      nestedHeads.add(head.name().startsWith("#") ? names.getOrDefault(head.name(), head.name()) : head.name());
    }
    List<PathElement> elements = new ArrayList<>(path.elements().size());
    for (PathElement element : path.elements()) {
      if (element instanceof PathElement.Name n && n.name().startsWith("#")) {
        String name = names.get(n.name());
        if (name == null) {
          throw kind.invalid("An expression attribute name used in the document path is not defined; attribute"
              + " name: " + n.name());
        }
        usedNames.add(n.name());
        elements.add(new PathElement.Name(name));
      } else {
        elements.add(element);
      }
    }
    return new Path(elements);
  }

  private static void requireScalar(ExpressionKind kind, String operator, Operand operand) {
    if (operand instanceof Operand.Literal l && !Comparisons.isOrderable(l.value())) {
      throw incorrectOperand(kind, "operator or function: " + operator, operand);
    }
  }

  /**
   * An ADD or DELETE operand of a type the action never takes. DynamoDB names the type in full here, and the set of
   * types the action allows.
   */
  private static DynamoException wrongSetOperand(String action, AttributeType type) {
    return ExpressionKind.UPDATE.invalid("Incorrect operand type for operator or function; operator: " + action
        + ", operand type: " + type.fullName() + ", typeSet: ALLOWED_FOR_" + action + "_OPERAND");
  }

  /**
   * The same path as the first operand and as one of the others ({@code a = a}, {@code contains(m, m)}) makes an
   * expression DynamoDB refuses.
   */
  private static void requireDistinct(ExpressionKind kind, String operator, Operand first, List<Operand> others) {
    if (!(first instanceof Operand.PathOperand path)) {
      return;
    }
    for (Operand other : others) {
      if (other instanceof Operand.PathOperand p && p.path().equals(path.path())) {
        throw kind.invalid("The first operand must be distinct from the remaining operands for this operator or"
            + " function; operator: " + operator + ", first operand: " + path.path());
      }
    }
  }

  /** @param label DynamoDB's wording of the operator, such as "operator: ADD" or "operator or function: +" */
  private static DynamoException incorrectOperand(ExpressionKind kind, String label, Operand operand) {
    String type = operand instanceof Operand.Literal l ? l.value().type().name() : "PATH";
    return kind.invalid("Incorrect operand type for operator or function; " + label + ", operand type: " + type);
  }

  /**
   * Two paths may not be the same, nor one inside the other, nor step into one value as a map and as a list. A path
   * given twice is reported before any other overlap, as DynamoDB Local 3.3.1 reports it.
   */
  private static void checkOverlaps(ExpressionKind kind, List<Path> paths) {
    for (int i = 0; i < paths.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (paths.get(i).equals(paths.get(j))) {
          throw kind.invalid("Two document paths overlap with each other; must remove or rewrite one of these"
              + " paths; path one: " + paths.get(j) + ", path two: " + paths.get(i));
        }
      }
    }
    for (int i = 0; i < paths.size(); i++) {
      for (int j = 0; j < i; j++) {
        Path one = paths.get(j);
        Path two = paths.get(i);
        int shared = Math.min(one.elements().size(), two.elements().size());
        for (int k = 0; k < shared; k++) {
          PathElement a = one.elements().get(k);
          PathElement b = two.elements().get(k);
          if (a.getClass() != b.getClass()) {
            throw kind.invalid("Two document paths conflict with each other; must remove or rewrite one of these"
                + " paths; path one: " + one + ", path two: " + two);
          }
          if (!a.equals(b)) {
            break;
          }
          if (k == shared - 1) {
            throw kind.invalid("Two document paths overlap with each other; must remove or rewrite one of these"
                + " paths; path one: " + one + ", path two: " + two);
          }
        }
      }
    }
  }

  /** DynamoDB's rendering of a value in messages, such as {@code AttributeValue: {N:5}}. */
  private static String render(AttributeValue value) {
    String content = value instanceof AttributeValue.S s ? s.value()
        : value instanceof AttributeValue.N n ? n.value().toString()
        : value instanceof AttributeValue.B b ? Base64.getEncoder().encodeToString(b.value().toByteArray())
        : "...";
    return "AttributeValue: {" + value.type() + ":" + content + "}";
  }
}
