package io.shaledb.core.expr.eval;

import static io.shaledb.core.model.Values.NULL;
import static io.shaledb.core.model.Values.bs;
import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.ns;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.BoundExpressions;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Update actions on typed items. Expected results and messages are DynamoDB's as ExpressionsIT checks them through
 * the SDK, and as Alternator's test_update_expression.py records them from DynamoDB (the original-index rule for
 * list elements, reads before writes).
 */
class UpdateApplierTest {
  private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
      Map.entry(":one", n(1)), Map.entry(":two", n(2)), Map.entry(":x", s("x")), Map.entry(":y", s("y")),
      Map.entry(":list", l(s("d"))), Map.entry(":empty", l()), Map.entry(":ss", ss("b", "c")),
      Map.entry(":ns", ns("2", "3")), Map.entry(":bs", bs(2, 3)), Map.entry(":ssAll", ss("a", "b")),
      Map.entry(":nsAll", ns("1", "2")), Map.entry(":bsAll", bs(1, 2)), Map.entry(":huge",
          n("9.9999999999999999999999999999999999999E+125")));

  private static Map<String, AttributeValue> item() {
    return Map.of("id", s("k"), "num", n(5), "str", s("hello"), "lst", l(s("a"), s("b"), s("c")),
        "doc", m(Map.of("deep", m(Map.of("x", n(1))), "y", s("why"))), "tags", ss("a", "b"),
        "nums", ns("1", "2"), "bins", bs(1, 2), "flag", AttributeValue.Bool.TRUE, "nothing", NULL);
  }

  private static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> values = new HashMap<>(VALUES);
    values.keySet().removeIf(name -> !expression.contains(name));
    return UpdateApplier.apply(BoundExpressions.update(expression, values), item);
  }

  private static Map<String, AttributeValue> apply(String expression) {
    return apply(expression, item());
  }

  private static Map<String, AttributeValue> with(String name, AttributeValue value) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(item());
    item.put(name, value);
    return item;
  }

  private static Map<String, AttributeValue> without(String... names) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(item());
    for (String name : names) {
      item.remove(name);
    }
    return item;
  }

  @Test
  void set_topLevelValues_replaceOrAdd() {
    Map<String, AttributeValue> expected = with("num", n(2));
    expected.put("fresh", s("x"));

    assertThat(apply("SET num = :two, fresh = :x")).isEqualTo(expected);
  }

  @Test
  void set_nestedMapKeyAndListIndex_changeOnlyThatElement() {
    Map<String, AttributeValue> updated = apply("SET doc.deep.z = :two, doc.y = :x, lst[1] = :y");

    assertThat(updated.get("doc")).isEqualTo(m(Map.of("deep", m(Map.of("x", n(1), "z", n(2))), "y", s("x"))));
    assertThat(updated.get("lst")).isEqualTo(l(s("a"), s("y"), s("c")));
  }

  @Test
  void set_listIndexPastTheEnd_appends() {
    assertThat(apply("SET lst[10] = :x").get("lst")).isEqualTo(l(s("a"), s("b"), s("c"), s("x")));
  }

  @Test
  void set_copiesAnotherAttribute_andMayCopyAnAttributeToItself() {
    assertThat(apply("SET copied = doc.deep, num = num")).isEqualTo(with("copied", m(Map.of("x", n(1)))));
  }

  @Test
  void set_readsEveryOperandBeforeWriting() {
    assertThatThrownBy(() -> apply("SET fresh = :x, later = fresh"))
        .hasMessage("The provided expression refers to an attribute that does not exist in the item");
    assertThat(apply("SET num = str, str = num")).containsEntry("num", s("hello")).containsEntry("str", n(5));
    Map<String, AttributeValue> moved = without("str");
    moved.put("copied", s("hello"));
    assertThat(apply("REMOVE str SET copied = str")).isEqualTo(moved);
  }

  @Test
  void arithmetic_addsAndSubtracts_pathsAndValues() {
    assertThat(apply("SET num = num + :two, diff = :one - num, added = :one + :two"))
        .containsEntry("num", n(7)).containsEntry("diff", n(-4)).containsEntry("added", n(3));
  }

  @Test
  void ifNotExists_takesTheAttributeWhenPresent_elseTheFallback() {
    assertThat(apply("SET num = if_not_exists(num, :one), fresh = if_not_exists(absent, :one),"
        + " tally = if_not_exists(tally, :one) + :two"))
        .containsEntry("num", n(5)).containsEntry("fresh", n(1)).containsEntry("tally", n(3));
  }

  @Test
  void listAppend_joinsInEitherOrder_pathsAndValues() {
    assertThat(apply("SET lst = list_append(lst, :list), prefixed = list_append(:list, lst), e = list_append(:empty,"
        + " :empty)"))
        .containsEntry("lst", l(s("a"), s("b"), s("c"), s("d")))
        .containsEntry("prefixed", l(s("d"), s("a"), s("b"), s("c")))
        .containsEntry("e", l());
  }

  @Test
  void remove_topLevelNestedAndListElements_byTheirOriginalIndexes() {
    Map<String, AttributeValue> updated = apply("REMOVE flag, doc.deep.x, lst[0], lst[2]");

    assertThat(updated).doesNotContainKey("flag");
    assertThat(updated.get("doc")).isEqualTo(m(Map.of("deep", m(Map.of()), "y", s("why"))));
    assertThat(updated.get("lst")).isEqualTo(l(s("b")));
  }

  @Test
  void remove_elementBeforeAnotherRemovalInsideALaterElement_removesBothFromTheOriginalPositions() {
    Map<String, AttributeValue> item = Map.of("id", s("k"), "lst", l(s("a"), s("b"),
        m(Map.of("x", n(1), "z", n(2))), m(Map.of("x", n(3), "z", n(4)))));

    assertThat(apply("REMOVE lst[0], lst[2].x", item).get("lst"))
        .isEqualTo(l(s("b"), m(Map.of("z", n(2))), m(Map.of("x", n(3), "z", n(4)))));
    assertThat(apply("REMOVE lst[2].x, lst[0]", item).get("lst"))
        .isEqualTo(l(s("b"), m(Map.of("z", n(2))), m(Map.of("x", n(3), "z", n(4)))));
  }

  @Test
  void removeAndSetInOneList_bothAddressTheOriginalIndexes() {
    Map<String, AttributeValue> item = Map.of("id", s("k"), "lst", l(n(2), n(3), n(4), n(5), n(6), n(7)));
    Map<String, AttributeValue> values = Map.of(":v", n(17));

    for (String expression : List.of("REMOVE lst[1] SET lst[3] = :v", "SET lst[3] = :v REMOVE lst[1]")) {
      assertThat(UpdateApplier.apply(BoundExpressions.update(expression, values), item).get("lst"))
          .as(expression).isEqualTo(l(n(2), n(4), n(17), n(6), n(7)));
    }
  }

  @Test
  void remove_absentAttributesKeysAndIndexes_changesNothing() {
    assertThat(apply("REMOVE absent, doc.absent, lst[17]")).isEqualTo(item());
  }

  @Test
  void add_sumsNumbers_andUnitesSets_creatingWhatIsAbsent() {
    assertThat(apply("ADD num :two, fresh :two, tags :ss, nums :ns, bins :bs, newSet :ss"))
        .containsEntry("num", n(7)).containsEntry("fresh", n(2)).containsEntry("tags", ss("a", "b", "c"))
        .containsEntry("nums", ns("1", "2", "3")).containsEntry("bins", bs(1, 2, 3))
        .containsEntry("newSet", ss("b", "c"));
  }

  @Test
  void delete_subtractsFromSets() {
    assertThat(apply("DELETE tags :ss, nums :ns, bins :bs"))
        .containsEntry("tags", ss("a")).containsEntry("nums", ns("1")).containsEntry("bins", bs(1));
  }

  @Test
  void delete_everyElement_removesTheAttribute_andOfAnAbsentAttribute_changesNothing() {
    assertThat(apply("DELETE tags :ssAll, nums :nsAll, bins :bsAll")).isEqualTo(without("tags", "nums", "bins"));
    assertThat(apply("DELETE absent :ss")).isEqualTo(item());
  }

  @Test
  void add_nestedNumber_andToANewItem() {
    assertThat(apply("ADD doc.deep.x :two").get("doc"))
        .isEqualTo(m(Map.of("deep", m(Map.of("x", n(3))), "y", s("why"))));
    assertThat(apply("ADD tally :one", Map.of("id", s("new")))).isEqualTo(Map.of("id", s("new"), "tally", n(1)));
  }

  @Test
  void apply_leavesThePreviousItemUnchanged() {
    Map<String, AttributeValue> previous = new LinkedHashMap<>(item());

    apply("SET doc.deep.x = :two, lst[0] = :x REMOVE lst[1] ADD num :one DELETE tags :ss", previous);

    assertThat(previous).isEqualTo(item());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SET num = str + :two|An operand in the update expression has an incorrect data type",
    "SET num = :two - doc|An operand in the update expression has an incorrect data type",
    "SET lst = list_append(lst, str)|An operand in the update expression has an incorrect data type",
    "SET lst = list_append(absent, :list)|The provided expression refers to an attribute that does not exist in the"
        + " item",
    "ADD str :two|An operand in the update expression has an incorrect data type",
    "ADD tags :ns|An operand in the update expression has an incorrect data type",
    "ADD num :ss|An operand in the update expression has an incorrect data type",
    "DELETE str :ss|An operand in the update expression has an incorrect data type",
    "DELETE tags :ns|An operand in the update expression has an incorrect data type",
    "SET a = absent + :two|The provided expression refers to an attribute that does not exist in the item",
    "SET nope.deeper = :two|The document path provided in the update expression is invalid for update",
    "SET num.deep = :two|The document path provided in the update expression is invalid for update",
    "SET lst.deep = :two|The document path provided in the update expression is invalid for update",
    "SET doc[0] = :two|The document path provided in the update expression is invalid for update",
    "SET lst[5].x = :two|The document path provided in the update expression is invalid for update",
    "SET doc.absent.x = :two|The document path provided in the update expression is invalid for update",
    "SET num = :huge + :huge|Number overflow. Attempting to store a number with magnitude larger than supported"
        + " range",
  })
  void invalidUpdates_ofThisItem_areValidationErrors(String expression, String message) {
    assertThatThrownBy(() -> apply(expression))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage(message);
  }

  @Test
  void randomSetsAndRemovals_onRandomDocuments_agreeWithAModelThatResolvesEveryPathInTheOriginal() {
    RandomDocuments.rounds("UpdateApplierTest", 3_000, (random, original) -> {
      List<Update.Action> actions = RandomDocuments.setsAndRemovals(random, original);
      Update update = new Binder(null, null).bind(new Update(actions));

      assertThat(UpdateApplier.apply(update, original)).as("%s on %s", actions, original)
          .isEqualTo(UpdateModel.apply(original, actions));
    });
  }

  /**
   * What an update of non-overlapping paths does, computed independently of UpdateApplier: each action's path is
   * looked up in the original item, and the result is the original rebuilt with removed nodes left out, set nodes
   * replaced, new map keys added and past-the-end list elements appended.
   */
  private static final class UpdateModel {
    private final Map<List<PathElement>, Update.Action> byPath = new HashMap<>();

    private UpdateModel(List<Update.Action> actions) {
      actions.forEach(action -> byPath.put(action.path().elements(), action));
    }

    static Map<String, AttributeValue> apply(Map<String, AttributeValue> original, List<Update.Action> actions) {
      UpdateModel model = new UpdateModel(actions);
      return ((AttributeValue.M) model.rebuild(List.of(), new AttributeValue.M(original))).values();
    }

    private AttributeValue rebuild(List<PathElement> at, AttributeValue value) {
      if (value instanceof AttributeValue.M map) {
        Map<String, AttributeValue> rebuilt = new LinkedHashMap<>();
        map.values().forEach((name, child) -> keep(child(at, new PathElement.Name(name)), child)
            .ifPresent(kept -> rebuilt.put(name, kept)));
        setsBelow(at).forEach((element, set) -> {
          if (element instanceof PathElement.Name name && !map.values().containsKey(name.name())) {
            rebuilt.put(name.name(), set);
          }
        });
        return new AttributeValue.M(rebuilt);
      }
      if (value instanceof AttributeValue.L list) {
        List<AttributeValue> rebuilt = new ArrayList<>();
        for (int i = 0; i < list.values().size(); i++) {
          keep(child(at, new PathElement.Index(i)), list.values().get(i)).ifPresent(rebuilt::add);
        }
        setsBelow(at).forEach((element, set) -> {
          if (element instanceof PathElement.Index index && index.index() >= list.values().size()) {
            rebuilt.add(set);
          }
        });
        return new AttributeValue.L(rebuilt);
      }
      return value;
    }

    private Optional<AttributeValue> keep(List<PathElement> at, AttributeValue value) {
      return switch (byPath.get(at)) {
        case null -> Optional.of(rebuild(at, value));
        case Update.Remove remove -> Optional.empty();
        case Update.Set set -> Optional.of(((Operand.Literal) set.value()).value());
        case Update.Add add -> throw new IllegalStateException("the model knows SET and REMOVE only");
        case Update.Delete delete -> throw new IllegalStateException("the model knows SET and REMOVE only");
      };
    }

    /** The values SET directly below {@code at}, by their last path element, in action order. */
    private Map<PathElement, AttributeValue> setsBelow(List<PathElement> at) {
      Map<PathElement, AttributeValue> sets = new LinkedHashMap<>();
      byPath.forEach((path, action) -> {
        if (action instanceof Update.Set set && path.size() == at.size() + 1 && path.subList(0, at.size()).equals(at)) {
          sets.put(path.getLast(), ((Operand.Literal) set.value()).value());
        }
      });
      return sets;
    }

    private static List<PathElement> child(List<PathElement> at, PathElement element) {
      List<PathElement> path = new ArrayList<>(at);
      path.add(element);
      return path;
    }
  }
}
