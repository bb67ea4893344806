package io.shaledb.core.expr.eval;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies a bound update to an item. Every operand reads the item as it was before the update (DynamoDB's
 * semantics), so all values are computed first and written afterwards. Removals name elements of the original item:
 * one of an element that was absent removes nothing (not an element a SET appended), and list indexes are the
 * original ones.
 */
public final class UpdateApplier {
  private UpdateApplier() {}

  /**
   * @param previous the item before the update (empty for a new item); not modified
   * @return the updated item
   */
  public static Map<String, AttributeValue> apply(Update update, Map<String, AttributeValue> previous) {
    for (Update.Action action : update.actions()) {
      checkPath(previous, action.path());
    }
    List<Path> removals = new ArrayList<>();
    List<Map.Entry<Path, AttributeValue>> writes = new ArrayList<>();
    for (Update.Action action : update.actions()) {
      switch (action) {
        case Update.Set set -> writes.add(Map.entry(set.path(), evaluate(set.value(), previous)));
        case Update.Remove remove -> removals.add(remove.path());
        case Update.Add add -> writes.add(Map.entry(add.path(),
            add(Paths.get(previous, add.path()), ((Operand.Literal) add.value()).value())));
        case Update.Delete delete -> {
          AttributeValue remaining = delete(Paths.get(previous, delete.path()),
              ((Operand.Literal) delete.value()).value());
          if (remaining == null) {
            removals.add(delete.path());
          } else {
            writes.add(Map.entry(delete.path(), remaining));
          }
        }
      }
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>(previous);
    for (Map.Entry<Path, AttributeValue> write : writes) {
      set(item, write.getKey(), write.getValue());
    }
    removals.removeIf(path -> Paths.get(previous, path) == null);
    removals.sort(UpdateApplier::removalOrder);
    for (Path path : removals) {
      remove(item, path);
    }
    return item;
  }

  /**
   * Every action's path must lead through the item as it is: each step but the last into an existing value of the
   * step's kind (a map for a name, a list for an index), the last one into a container of its kind. DynamoDB checks
   * the paths before it evaluates any operand.
   */
  private static void checkPath(Map<String, AttributeValue> item, Path path) {
    List<PathElement> elements = path.elements();
    AttributeValue container = item.get(path.topLevelName());
    for (int at = 1; at < elements.size(); at++) {
      PathElement element = elements.get(at);
      boolean fits = switch (element) {
        case PathElement.Name ignored -> container instanceof AttributeValue.M;
        case PathElement.Index ignored -> container instanceof AttributeValue.L;
      };
      if (!fits) {
        throw invalidPath();
      }
      if (at < elements.size() - 1) {
        container = Paths.step(container, element);
      }
    }
  }

  /**
   * The order removals run in, so that each finds the element it named in the original item: where two paths first
   * differ in a list index, the higher index goes first, since removing an element shifts only the ones after it.
   * Paths that first differ in a name lie in different subtrees; ordering them by name just keeps the order total.
   */
  private static int removalOrder(Path one, Path two) {
    int shared = Math.min(one.elements().size(), two.elements().size());
    for (int i = 0; i < shared; i++) {
      int order = switch (one.elements().get(i)) {
        case PathElement.Index a -> two.elements().get(i) instanceof PathElement.Index b
            ? Integer.compare(b.index(), a.index()) : 1;
        case PathElement.Name a -> two.elements().get(i) instanceof PathElement.Name b
            ? a.name().compareTo(b.name()) : -1;
      };
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(one.elements().size(), two.elements().size());
  }

  private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
    return switch (operand) {
      case Operand.Literal l -> l.value();
      case Operand.PathOperand p -> {
        AttributeValue value = Paths.get(item, p.path());
        if (value == null) {
          throw DynamoException.validation(
              "The provided expression refers to an attribute that does not exist in the item");
        }
        yield value;
      }
      case Operand.IfNotExists i -> {
        AttributeValue existing = Paths.get(item, i.path());
        yield existing != null ? existing : evaluate(i.fallback(), item);
      }
      case Operand.ListAppend l -> {
        if (!(evaluate(l.first(), item) instanceof AttributeValue.L first)
            || !(evaluate(l.second(), item) instanceof AttributeValue.L second)) {
          throw incorrectType();
        }
        List<AttributeValue> joined = new ArrayList<>(first.values());
        joined.addAll(second.values());
        yield new AttributeValue.L(joined);
      }
      case Operand.Arithmetic a -> {
        if (!(evaluate(a.left(), item) instanceof AttributeValue.N left)
            || !(evaluate(a.right(), item) instanceof AttributeValue.N right)) {
          throw incorrectType();
        }
        yield new AttributeValue.N(a.add() ? left.value().add(right.value()) : left.value().subtract(right.value()));
      }
      case Operand.Placeholder p -> throw new IllegalStateException("unbound placeholder " + p.name());
      case Operand.Size s -> throw new IllegalStateException("size() in an update");
    };
  }

  /** ADD: a sum for numbers, a union for sets; the value itself when the attribute is absent. */
  private static AttributeValue add(@Nullable AttributeValue existing, AttributeValue value) {
    if (existing == null) {
      return value;
    }
    if (existing instanceof AttributeValue.N e && value instanceof AttributeValue.N v) {
      return new AttributeValue.N(e.value().add(v.value()));
    }
    if (existing instanceof AttributeValue.SS e && value instanceof AttributeValue.SS v) {
      return new AttributeValue.SS(union(e.values(), v.values()));
    }
    if (existing instanceof AttributeValue.NS e && value instanceof AttributeValue.NS v) {
      return new AttributeValue.NS(union(e.values(), v.values()));
    }
    if (existing instanceof AttributeValue.BS e && value instanceof AttributeValue.BS v) {
      return new AttributeValue.BS(union(e.values(), v.values()));
    }
    throw incorrectType();
  }

  /** DELETE: the set minus the given elements, or null when nothing remains (or nothing was there). */
  private static @Nullable AttributeValue delete(@Nullable AttributeValue existing, AttributeValue value) {
    if (existing == null) {
      return null;
    }
    if (existing instanceof AttributeValue.SS e && value instanceof AttributeValue.SS v) {
      Set<String> rest = difference(e.values(), v.values());
      return rest.isEmpty() ? null : new AttributeValue.SS(rest);
    }
    if (existing instanceof AttributeValue.NS e && value instanceof AttributeValue.NS v) {
      Set<DynamoNumber> rest = difference(e.values(), v.values());
      return rest.isEmpty() ? null : new AttributeValue.NS(rest);
    }
    if (existing instanceof AttributeValue.BS e && value instanceof AttributeValue.BS v) {
      Set<io.shaledb.core.model.Bytes> rest = difference(e.values(), v.values());
      return rest.isEmpty() ? null : new AttributeValue.BS(rest);
    }
    throw incorrectType();
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static <T> Set<T> difference(Set<T> a, Set<T> b) {
    Set<T> rest = new LinkedHashSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static DynamoException incorrectType() {
    return DynamoException.validation("An operand in the update expression has an incorrect data type");
  }

  private static DynamoException invalidPath() {
    return DynamoException.validation("The document path provided in the update expression is invalid for update");
  }

  /** Writes {@code value} at {@code path}; a list index past the end appends. */
  private static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
    List<PathElement> elements = path.elements();
    String top = path.topLevelName();
    if (elements.size() == 1) {
      item.put(top, value);
      return;
    }
    AttributeValue container = item.get(top);
    if (container == null) {
      throw invalidPath();
    }
    item.put(top, setIn(container, elements, 1, value));
  }

  private static AttributeValue setIn(@Nullable AttributeValue container, List<PathElement> elements, int at,
      AttributeValue value) {
    boolean last = at == elements.size() - 1;
    return switch (elements.get(at)) {
      case PathElement.Name name -> {
        if (!(container instanceof AttributeValue.M m)) {
          throw invalidPath();
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
        AttributeValue child = m.values().get(name.name());
        if (!last && child == null) {
          throw invalidPath();
        }
        copy.put(name.name(), last ? value : setIn(child, elements, at + 1, value));
        yield new AttributeValue.M(copy);
      }
      case PathElement.Index index -> {
        if (!(container instanceof AttributeValue.L l)) {
          throw invalidPath();
        }
        List<AttributeValue> copy = new ArrayList<>(l.values());
        int i = index.index();
        if (last) {
          if (i < copy.size()) {
            copy.set(i, value);
          } else {
            copy.add(value);
          }
        } else {
          if (i >= copy.size()) {
            throw invalidPath();
          }
          copy.set(i, setIn(copy.get(i), elements, at + 1, value));
        }
        yield new AttributeValue.L(copy);
      }
    };
  }

  /** Removes the value at {@code path}; a missing value or parent is no error. */
  private static void remove(Map<String, AttributeValue> item, Path path) {
    List<PathElement> elements = path.elements();
    String top = path.topLevelName();
    if (elements.size() == 1) {
      item.remove(top);
      return;
    }
    AttributeValue container = item.get(top);
    if (container != null) {
      item.put(top, removeIn(container, elements, 1));
    }
  }

  private static AttributeValue removeIn(AttributeValue container, List<PathElement> elements, int at) {
    boolean last = at == elements.size() - 1;
    PathElement element = elements.get(at);
    AttributeValue child = Paths.step(container, element);
    if (child == null) {
      return container;
    }
    return switch (element) {
      case PathElement.Name name -> {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(((AttributeValue.M) container).values());
        if (last) {
          copy.remove(name.name());
        } else {
          copy.put(name.name(), removeIn(child, elements, at + 1));
        }
        yield new AttributeValue.M(copy);
      }
      case PathElement.Index index -> {
        List<AttributeValue> copy = new ArrayList<>(((AttributeValue.L) container).values());
        if (last) {
          copy.remove(index.index());
        } else {
          copy.set(index.index(), removeIn(child, elements, at + 1));
        }
        yield new AttributeValue.L(copy);
      }
    };
  }
}
