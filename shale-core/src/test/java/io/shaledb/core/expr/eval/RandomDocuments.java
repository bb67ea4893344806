package io.shaledb.core.expr.eval;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;

import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Random nested documents of maps, lists, numbers and strings with few distinct names, so that random paths often
 * meet, and random paths and actions on them.
 */
final class RandomDocuments {
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

  /**
   * Runs {@code round} on {@code count} random items, and names the seed and the round when one fails.
   *
   * @param test names the test in the printed seed
   */
  static void rounds(String test, int count, BiConsumer<Random, Map<String, AttributeValue>> round) {
    SeededRandom seeded = SeededRandom.of(test);
    for (int i = 0; i < count; i++) {
      try {
        round.accept(seeded.random(), item(seeded.random()));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seeded.seed() + ", round " + i + ": " + e.getMessage(), e);
      }
    }
  }

  static Map<String, AttributeValue> item(Random random) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (String name : NAMES) {
      if (random.nextInt(4) > 0) {
        item.put(name, value(random, 3));
      }
    }
    return item;
  }

  private static AttributeValue value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 5 : 2);
    return switch (kind) {
      case 0 -> n(random.nextInt(10));
      case 1 -> s("s" + random.nextInt(10));
      case 2, 3 -> {
        List<AttributeValue> elements = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          elements.add(value(random, depth - 1));
        }
        yield new AttributeValue.L(elements);
      }
      default -> {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(NAMES.get(random.nextInt(NAMES.size())), value(random, depth - 1));
        }
        yield new AttributeValue.M(map);
      }
    };
  }

  /**
   * Up to six actions on paths none of which is a prefix of another (the Binder refuses overlaps), each SET or
   * REMOVE of an existing element, a SET of a new map key or top-level attribute, a SET past the end of a list (at
   * most one per list: the order of several appends is not settled), or a REMOVE of something absent.
   */
  static List<Update.Action> setsAndRemovals(Random random, Map<String, AttributeValue> item) {
    List<Update.Action> actions = new ArrayList<>();
    Set<List<PathElement>> appendedTo = new HashSet<>();
    for (int attempt = random.nextInt(7); attempt > 0; attempt--) {
      List<PathElement> path = path(random, item);
      boolean remove = random.nextBoolean();
      if (actions.stream().anyMatch(a -> overlaps(a.path().elements(), path))
          || (!remove && appendsTo(item, path) && !appendedTo.add(List.copyOf(path.subList(0, path.size() - 1))))) {
        continue;
      }
      actions.add(remove ? new Update.Remove(new Path(path))
          : new Update.Set(new Path(path), new Operand.Literal(value(random, 1))));
    }
    return actions;
  }

  /** A path to an existing element, or one step past the existing ones (a new key or index, possibly far off). */
  static List<PathElement> path(Random random, Map<String, AttributeValue> item) {
    List<PathElement> path = new ArrayList<>();
    String top = NAMES.get(random.nextInt(NAMES.size()));
    path.add(new PathElement.Name(top));
    AttributeValue current = item.get(top);
    while (random.nextInt(3) > 0) {
      if (current instanceof AttributeValue.M map) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        path.add(new PathElement.Name(name));
        current = map.values().get(name);
      } else if (current instanceof AttributeValue.L list) {
        int index = random.nextInt(list.values().size() + 2);
        path.add(new PathElement.Index(index));
        current = index < list.values().size() ? list.values().get(index) : null;
      } else {
        break;
      }
    }
    return path;
  }

  private static boolean appendsTo(Map<String, AttributeValue> item, List<PathElement> path) {
    return path.getLast() instanceof PathElement.Index index
        && Paths.get(item, new Path(path.subList(0, path.size() - 1))) instanceof AttributeValue.L list
        && index.index() >= list.values().size();
  }

  private static boolean overlaps(List<PathElement> one, List<PathElement> two) {
    int shared = Math.min(one.size(), two.size());
    return one.subList(0, shared).equals(two.subList(0, shared));
  }
}
