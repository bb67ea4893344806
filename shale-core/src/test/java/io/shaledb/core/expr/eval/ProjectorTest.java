package io.shaledb.core.expr.eval;

import static io.shaledb.core.model.Values.NULL;
import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.expr.BoundExpressions;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Projections keep the nesting of what they select, and selected list elements keep their order and lose their
 * positions ("Projection expressions" in the developer guide: {@code RelatedItems[0], ProductReviews.FiveStar} returns
 * those elements inside their list and map).
 */
class ProjectorTest {
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("k"), "num", n(5),
      "lst", l(s("a"), s("b"), s("c"), l(n(0), n(1))),
      "doc", m(Map.of("deep", m(Map.of("x", n(1), "z", n(2))), "y", s("why"), "entries", l(m(Map.of("q", NULL))))));

  private static Map<String, AttributeValue> project(String projection) {
    return Projector.project(ITEM, BoundExpressions.projection(projection));
  }

  @Test
  void topLevelAttributes_areReturnedWhole_andAbsentOnesLeftOut() {
    assertThat(project("num, doc, absent")).isEqualTo(Map.of("num", n(5), "doc", ITEM.get("doc")));
  }

  @Test
  void nestedPaths_keepTheirMapsAndMerge() {
    assertThat(project("doc.deep.x, doc.y, doc.entries[0].q")).isEqualTo(Map.of("doc", m(Map.of(
        "deep", m(Map.of("x", n(1))), "y", s("why"), "entries", l(m(Map.of("q", NULL)))))));
  }

  @Test
  void listElements_keepTheirOrder_notTheirPositions() {
    assertThat(project("lst[2], lst[0], lst[3][1]")).isEqualTo(Map.of("lst", l(s("a"), s("c"), l(n(1)))));
    assertThat(project("lst[1]")).isEqualTo(Map.of("lst", l(s("b"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lst[4]", "num.x", "num[0]", "doc[0]", "lst.x", "doc.absent", "doc.deep.x.y", "lst[3][2]"})
  void pathsToNothing_projectNothing(String projection) {
    assertThat(project(projection)).isEmpty();
  }

  @Test
  void overlappingPaths_neverReachTheProjector() {
    assertThatThrownBy(() -> project("doc.y, doc")).hasMessage("Invalid ProjectionExpression: Two document paths"
        + " overlap with each other; must remove or rewrite one of these paths; path one: [doc, y], path two: [doc]");
    assertThatThrownBy(() -> project("lst[3][0], lst[3]")).hasMessageStartingWith("Invalid ProjectionExpression:"
        + " Two document paths overlap with each other");
  }

  @Test
  void randomPaths_onRandomDocuments_selectWhatAModelSelects() {
    RandomDocuments.rounds("ProjectorTest", 3_000, (random, item) -> {
      List<Path> paths = new ArrayList<>();
      for (int i = random.nextInt(5); i >= 0; i--) {
        paths.add(new Path(RandomDocuments.path(random, item)));
      }

      assertThat(Projector.project(item, paths)).as("%s of %s", paths, item)
          .isEqualTo(ProjectionModel.project(item, paths));
    });
  }

  /**
   * What a projection selects, computed top-down over the item rather than by inserting each path's value: a node is
   * kept whole when a path ends at it, and otherwise with the children paths lead into, in the item's order; a
   * container none of whose selected children exists is left out.
   */
  private static final class ProjectionModel {
    private ProjectionModel() {}

    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
      return keep(new AttributeValue.M(item), paths.stream().map(Path::elements).toList())
          .map(kept -> ((AttributeValue.M) kept).values()).orElse(Map.of());
    }

    private static Optional<AttributeValue> keep(AttributeValue value, List<List<PathElement>> paths) {
      if (paths.stream().anyMatch(List::isEmpty)) {
        return Optional.of(value);
      }
      if (value instanceof AttributeValue.M map) {
        Map<String, AttributeValue> kept = new LinkedHashMap<>();
        map.values().forEach((name, child) -> keep(child, below(paths, new PathElement.Name(name)))
            .ifPresent(selected -> kept.put(name, selected)));
        return kept.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.M(kept));
      }
      if (value instanceof AttributeValue.L list) {
        List<AttributeValue> kept = new ArrayList<>();
        for (int i = 0; i < list.values().size(); i++) {
          keep(list.values().get(i), below(paths, new PathElement.Index(i))).ifPresent(kept::add);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.L(kept));
      }
      return Optional.empty();
    }

    /** The rest of the paths that continue through {@code element}. */
    private static List<List<PathElement>> below(List<List<PathElement>> paths, PathElement element) {
      return paths.stream().filter(path -> path.getFirst().equals(element)).map(path -> path.subList(1, path.size()))
          .toList();
    }
  }
}
