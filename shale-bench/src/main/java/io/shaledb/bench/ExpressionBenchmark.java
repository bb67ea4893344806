package io.shaledb.bench;

import io.shaledb.core.expr.ExpressionCache;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.expr.eval.UpdateApplier;
import io.shaledb.core.expr.parse.Parser;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse, bind and evaluate of typical expressions: what a conditional write or an update costs before storage.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests -pl shale-bench -am package && java -jar
 * shale-bench/target/shale-benchmarks.jar ExpressionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
  private static final String CONDITION =
      "attribute_exists(#c) AND #status IN (:active, :pending) AND size(tags) < :max AND begins_with(#n, :prefix)";
  private static final String UPDATE = "SET #c = #c + :one, updatedAt = :now, history = list_append(history, :h)"
      + " REMOVE draft ADD tags :tag";
  private static final Map<String, String> NAMES = Map.of("#c", "count", "#status", "status", "#n", "name");
  private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
      Map.entry(":active", new AttributeValue.S("active")), Map.entry(":pending", new AttributeValue.S("pending")),
      Map.entry(":max", new AttributeValue.N(DynamoNumber.of(10))), Map.entry(":prefix", new AttributeValue.S("it")),
      Map.entry(":one", new AttributeValue.N(DynamoNumber.of(1))), Map.entry(":now", new AttributeValue.S("2026")),
      Map.entry(":h", new AttributeValue.L(List.of(new AttributeValue.S("e")))),
      Map.entry(":tag", new AttributeValue.SS(java.util.Set.of("new"))));
  private static final Map<String, AttributeValue> ITEM = Map.of(
      "id", new AttributeValue.S("item-1"), "count", new AttributeValue.N(DynamoNumber.of(41)),
      "status", new AttributeValue.S("active"), "name", new AttributeValue.S("item one"),
      "tags", new AttributeValue.SS(java.util.Set.of("a", "b")),
      "history", new AttributeValue.L(List.of(new AttributeValue.S("created"))),
      "draft", AttributeValue.Bool.TRUE);

  private final ExpressionCache cache = new ExpressionCache();
  private final Condition boundCondition =
      new Binder(NAMES, VALUES).bind(ExpressionKind.CONDITION, Parser.condition(ExpressionKind.CONDITION, CONDITION));
  private final Update boundUpdate = new Binder(NAMES, VALUES).bind(Parser.update(UPDATE));

  @Benchmark
  public Condition parseCondition() {
    return Parser.condition(ExpressionKind.CONDITION, CONDITION);
  }

  @Benchmark
  public Update parseUpdate() {
    return Parser.update(UPDATE);
  }

  /** What a request pays with the cache: lookup, bind, evaluate. */
  @Benchmark
  public boolean cachedConditionBindAndEvaluate() {
    Binder binder = new Binder(NAMES, VALUES);
    return ConditionEvaluator.test(binder.bind(ExpressionKind.CONDITION,
        cache.condition(ExpressionKind.CONDITION, CONDITION)), ITEM);
  }

  @Benchmark
  public boolean evaluateCondition() {
    return ConditionEvaluator.test(boundCondition, ITEM);
  }

  @Benchmark
  public Map<String, AttributeValue> applyUpdate() {
    return UpdateApplier.apply(boundUpdate, ITEM);
  }
}
