package io.shaledb.bench;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.partiql.StatementBinder;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.parse.StatementCache;
import io.shaledb.core.partiql.parse.StatementParser;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing typical PartiQL statements, from text and through the statement cache, and binding them to their parameters
 * and table: what ExecuteStatement pays before it reads or writes.
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

  /** A typical statement, its parameters and a table to bind it to. */
  @State(Scope.Benchmark)
  public static class Binding {
    @Param({"SELECT", "UPDATE"})
    public String kind;

    private String text;
    private List<AttributeValue> parameters;
    private Database db;
    private StatementBinder binder;

    @Setup(Level.Trial)
    public void open() {
      boolean select = kind.equals("SELECT");
      text = select ? SELECT : UPDATE;
      parameters = select
          ? List.of(new AttributeValue.S("Acme Band"), new AttributeValue.S("A"), new AttributeValue.S("M"))
          : List.of(AttributeValue.N.of("1"), new AttributeValue.S("2026-12-05"), new AttributeValue.S("Acme Band"),
              new AttributeValue.S("Happy Day"));
      db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
      new CreateTable(db).execute(new CreateTableInput("Music",
          List.of(new AttributeDefinition("Artist", Choice.of(ScalarType.S)),
              new AttributeDefinition("SongTitle", Choice.of(ScalarType.S))),
          List.of(new KeySchemaElement("Artist", Choice.of(KeyType.HASH)),
              new KeySchemaElement("SongTitle", Choice.of(KeyType.RANGE))),
          Choice.of(BillingMode.PAY_PER_REQUEST), null, List.of(), null, null, null, null, List.of(), null, null,
          null, null), RequestContext.service(Clock.systemUTC()));
      binder = new StatementBinder(db);
    }

    @TearDown(Level.Trial)
    public void close() {
      db.close();
    }
  }

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

  /** Parsing from text and binding. */
  @Benchmark
  public StatementBinder.Bound bind(Binding binding) {
    return binding.binder.bind(StatementParser.parse(binding.text), binding.parameters);
  }

  /** Binding a statement the cache holds. */
  @Benchmark
  public StatementBinder.Bound bindCached(Binding binding) {
    return binding.binder.bind(cache.parse(binding.text), binding.parameters);
  }
}
