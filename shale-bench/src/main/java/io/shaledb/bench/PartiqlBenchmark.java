package io.shaledb.bench;

import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.parse.StatementCache;
import io.shaledb.core.partiql.parse.StatementParser;
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
 * Parsing typical PartiQL statements, from text and through the statement cache: what ExecuteStatement pays before
 * binding its parameters.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests -pl shale-bench -am package && java -jar
 * shale-bench/target/shale-benchmarks.jar PartiqlBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartiqlBenchmark {
  private static final String SELECT = "SELECT Artist, SongTitle, Album FROM \"Music\""
      + " WHERE Artist = ? AND SongTitle BETWEEN ? AND ? AND begins_with(Album, 'Greatest') ORDER BY SongTitle DESC";
  private static final String UPDATE = "UPDATE \"Music\" SET Plays = Plays + ?, Tags = set_add(Tags, <<'live'>>),"
      + " History = list_append(History, [?]) REMOVE Draft WHERE Artist = ? AND SongTitle = ? AND Plays < 1000"
      + " RETURNING ALL NEW *";

  private final StatementCache cache = new StatementCache();

  @Benchmark
  public Statement parseSelect() {
    return StatementParser.parse(SELECT);
  }

  @Benchmark
  public Statement parseUpdate() {
    return StatementParser.parse(UPDATE);
  }

  @Benchmark
  public Statement cachedSelect() {
    return cache.parse(SELECT);
  }

  @Benchmark
  public Statement cachedUpdate() {
    return cache.parse(UPDATE);
  }
}
