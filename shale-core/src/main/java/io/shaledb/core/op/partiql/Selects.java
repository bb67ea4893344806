package io.shaledb.core.op.partiql;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.expr.eval.Paths;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.ItemReader;
import io.shaledb.core.op.read.PlannedRead;
import io.shaledb.core.op.read.ReadPage;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.ItemConsensus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs a SELECT as DynamoDB plans it: a WHERE whose top-level AND terms pin the whole primary key of the table with
 * equalities is a point read (GetItem); one that pins the partition key (with {@code =} or {@code IN}) reads those
 * partitions as a Query does, narrowed by the first term a key condition could hold on the sort key; anything else
 * reads every partition, as a Scan. The whole WHERE is the filter in every case, and the read is charged as the
 * operation it runs as (developer guide, "PartiQL select statements for DynamoDB": a SELECT without the partition key
 * in its WHERE is a full table scan).
 */
final class Selects {
  /**
   * The developer guide's bound on the partition-key values one SELECT reads ("at max 50 hash attribute values" in
   * IN, "PartiQL arithmetic, comparison, and logical operators"): each is a read of its own.
   */
  private static final int MAX_PARTITIONS = 50;

  /** A page of a SELECT: its items, projected, and where the next page starts (both null at the end). */
  record Page(List<PageItem> items, @Nullable String nextToken, @Nullable Map<String, AttributeValue> lastEvaluatedKey) {}

  private final Database db;
  private final ItemReader items;
  private final ItemConsensus consensus;

  /** @param consensus how items of tables of multi-region strong consistency are read strongly */
  Selects(Database db, ItemConsensus consensus) {
    this.db = db;
    this.items = new ItemReader(db, consensus);
    this.consensus = consensus;
  }

  /** The table a SELECT reads and the index, if it names one, refusing a consistent read of a global index. */
  record Target(TableMetadata table, @Nullable IndexMetadata index) {
    KeySchema keys() {
      return index == null ? table.keySchema() : index.keySchema();
    }
  }

  Target target(Statement.Select select, boolean consistent) {
    TableMetadata table = db.tableForItems(select.table());
    IndexMetadata index = select.index().map(table::index).orElse(null);
    if (select.index().isPresent() && index == null) {
      throw DynamoException.validation("The table does not have the specified index");
    }
    if (index != null && index.keySchema().hasMultipleAttributes()) {
      throw DynamoException.validation("PartiQL statements cannot be executed on tables with multi-attribute HASH keys"
          + " or multi-attribute RANGE keys.");
    }
    if (consistent && index != null && !index.local()) {
      throw DynamoException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
    }
    return new Target(table, index);
  }

  /**
   * A read of the one item whose whole primary key the WHERE pins with equalities, and the rest of the WHERE as its
   * filter (null when there is no rest, so the item passes on as stored).
   */
  record Point(Map<String, AttributeValue> key, @Nullable Condition filter) {}

  /**
   * The point read a SELECT of the table is, or null when its WHERE does not pin the whole key: what makes a SELECT a
   * GetItem, and what BatchExecuteStatement and ExecuteTransaction require of theirs.
   */
  static @Nullable Point point(Statement.Select select, Target target, Bindings bindings) {
    if (target.index() != null || select.where().isEmpty()) {
      return null;
    }
    KeyTerms.FullKey key = KeyTerms.fullKey(Predicates.conjuncts(select.where().get()), target.keys(), bindings);
    if (key == null) {
      return null;
    }
    Predicates predicates = new Predicates(bindings);
    return new Point(key.key(), Predicates.all(key.rest().stream().map(predicates::condition).toList()));
  }

  /** The statement's filter: its whole WHERE, or null without one. */
  private static @Nullable Condition filter(Statement.Select select, Bindings bindings) {
    return select.where().map(new Predicates(bindings)::condition).orElse(null);
  }

  /**
   * A SELECT bound to its parameters and its table: a point read, or the partitions it reads (null for all), the
   * range it reads in each, their order, and the filter.
   */
  record Plan(Target target, @Nullable List<Path> projection, @Nullable Point point, @Nullable Condition filter,
      @Nullable List<AttributeValue> partitions, @Nullable SortKeyCondition sortRange, boolean descending)
      implements StatementBinder.Bound {}

  /**
   * @param firstPage whether the read starts at the beginning: only then is a SELECT of a whole key a point read,
   *     since a NextToken continues a partition read
   */
  Plan plan(Statement.Select select, Bindings bindings, boolean consistent, boolean firstPage) {
    Target target = target(select, consistent);
    List<Path> projection = projection(select);
    checkProjected(target, projection);
    Point point = point(select, target, bindings);
    if (point != null && firstPage) {
      return new Plan(target, projection, point, null, null, null, false);
    }
    Condition filter = filter(select, bindings);
    List<Expr> terms = select.where().map(Predicates::conjuncts).orElse(List.of());
    KeySchema keys = target.keys();
    List<AttributeValue> partitions = KeyTerms.partitionValues(terms, keys.partitionKey(), bindings);
    if (partitions != null && partitions.size() > MAX_PARTITIONS) {
      // The message DynamoDB's PartiQL library holds for this; DynamoDB Local 3.3.1 carries it but reads them all.
      throw DynamoException.validation("Too many decomposed read operations for a given query.");
    }
    boolean descending = checkOrderBy(select, keys, partitions != null);
    SortKeyCondition sortRange = partitions == null || keys.sortKey().isEmpty() ? null
        : KeyTerms.sortRange(terms, keys.sortKey().get(), bindings);
    return new Plan(target, projection, null, filter, partitions, sortRange, descending);
  }

  Page page(Statement.Select select, Bindings bindings, @Nullable Integer limit, boolean consistent, @Nullable String nextToken,
      RequestContext context) {
    Plan plan = plan(select, bindings, consistent, nextToken == null);
    Target target = plan.target();
    List<Path> projection = plan.projection();
    Point point = plan.point();
    if (point != null) {
      return pointPage(target.table(), point, projection, consistent, context,
          key -> items.read(target.table(), key, consistent));
    }
    List<AttributeValue> partitions = plan.partitions();
    NextTokens.Position start = nextToken == null ? null : NextTokens.decode(nextToken);
    int partition = start == null ? 0 : start.partition();
    Map<String, AttributeValue> exclusiveStart = start == null ? null : start.exclusiveStartKey();
    int count = partitions == null ? 1 : partitions.size();
    if (partition >= count) {
      throw DynamoException.validation("Invalid NextToken");
    }
    List<PageItem> items = new ArrayList<>();
    Integer remaining = limit;
    // One page reads at most 1 MB whatever the number of partitions it reads.
    long remainingBytes = PlannedRead.MAX_PAGE_BYTES;
    for (; partition < count; partition++) {
      ReadPage page = new PlannedRead(target.table(), target.index(),
          partitions == null ? null : partitions.get(partition), plan.sortRange(), plan.descending(), remaining,
          remainingBytes, plan.filter(), projection, consistent, exclusiveStart).read(db, consensus, context);
      exclusiveStart = null;
      for (PageItem item : Objects.requireNonNull(page.items(), "a SELECT reads items, never only a count")) {
        items.add(project(item, projection));
      }
      if (page.lastEvaluatedKey() != null) {
        return new Page(items, NextTokens.encode(new NextTokens.Position(partition, page.lastEvaluatedKey())),
            page.lastEvaluatedKey());
      }
      if (remaining != null) {
        // A page the limit ended has a LastEvaluatedKey, so here the limit still has room.
        remaining -= page.scannedCount();
      }
      // Likewise a page the byte limit ended, so some bytes are left.
      remainingBytes -= page.bytesRead();
    }
    return new Page(items, null, null);
  }

  /**
   * The page of a first-page point SELECT read only from what the storage engine holds in memory, as GetItem's
   * non-blocking path reads, or null when the SELECT is not such a read.
   *
   * @throws io.shaledb.core.storage.WouldBlockException when the item is not in memory, or the read goes through the
   *     consensus; nothing was charged
   */
  @Nullable Page pointPageWithoutBlocking(Statement.Select select, Bindings bindings, boolean consistent,
      RequestContext context) {
    Target target = target(select, consistent);
    List<Path> projection = projection(select);
    checkProjected(target, projection);
    Point point = point(select, target, bindings);
    if (point == null) {
      return null;
    }
    // To a worker before the capacity is checked, as GetItem: the worker checks it once.
    ItemReader.requireNonBlocking(target.table(), consistent);
    return pointPage(target.table(), point, projection, consistent, context,
        key -> items.readWithoutBlocking(target.table(), key, consistent));
  }

  private Page pointPage(TableMetadata table, Point point, @Nullable List<Path> projection, boolean consistent,
      RequestContext context, UnaryOperator<byte @Nullable []> reader) {
    PageItem item = get(table, point, consistent, context, reader);
    return new Page(item == null ? List.of() : List.of(project(item, projection)), null, null);
  }

  /** A point read, charged as GetItem is; the item when it exists and meets the filter. */
  @Nullable PageItem get(TableMetadata table, Point point, boolean consistent, RequestContext context) {
    return get(table, point, consistent, context, key -> items.read(table, key, consistent));
  }

  private static @Nullable PageItem get(TableMetadata table, Point point, boolean consistent, RequestContext context,
      UnaryOperator<byte @Nullable []> reader) {
    byte[] key = ItemKeys.ofKey(table, point.key());
    context.capacity().admitItem(table, key, Access.READ);
    byte[] stored = reader.apply(key);
    context.capacity().read(table.name(), ConsumedCapacity.readUnits(storedSize(stored), consistent));
    return matching(stored, point.filter());
  }

  /**
   * A global index cannot complete its entries from the table, so DynamoDB refuses a SELECT of attributes it does not
   * project (dynoxide's capture from the service); a local index reads them from the table, as for Query.
   */
  private static void checkProjected(Target target, @Nullable List<Path> projection) {
    if (target.index() == null || target.index().local() || projection == null) {
      return;
    }
    List<String> missing = projection.stream().map(Path::topLevelName).distinct()
        .filter(name -> !PlannedRead.projects(target.table(), target.index(), name)).toList();
    if (!missing.isEmpty()) {
      throw DynamoException.validation("One or more parameter values were invalid: Global secondary index "
          + target.index().name() + " does not project [" + String.join(", ", missing) + "]");
    }
  }

  /** The paths a SELECT projects, or null for {@code *}. */
  static @Nullable List<Path> projection(Statement.Select select) {
    return select.projection().isEmpty() ? null : select.projection().stream().map(Predicates::path).toList();
  }

  static long storedSize(byte @Nullable [] stored) {
    return stored == null ? 0 : ItemCodec.itemSize(stored);
  }

  /** A stored item (null when absent) if it meets the filter (null for none), else null. */
  static @Nullable PageItem matching(byte @Nullable [] stored, @Nullable Condition filter) {
    if (stored == null) {
      return null;
    }
    if (filter == null) {
      return new PageItem.Stored(stored);
    }
    Map<String, AttributeValue> item = ItemCodec.decode(stored);
    return ConditionEvaluator.test(filter, item) ? new PageItem.Decoded(item) : null;
  }

  /**
   * An item with only the selected paths, each under the name of its last step (DynamoDB answers
   * {@code SELECT a.b} with {@code {"b": ...}}); the item itself for {@code *}.
   */
  static PageItem project(PageItem item, @Nullable List<Path> projection) {
    if (projection == null) {
      return item;
    }
    Map<String, AttributeValue> whole = switch (item) {
      case PageItem.Decoded decoded -> decoded.attributes();
      case PageItem.Stored stored -> ItemCodec.decode(stored.bytes());
    };
    Map<String, AttributeValue> projected = new LinkedHashMap<>();
    for (Path path : projection) {
      AttributeValue value = Paths.get(whole, path);
      if (value != null) {
        projected.put(lastName(path), value);
      }
    }
    return new PageItem.Decoded(projected);
  }

  private static String lastName(Path path) {
    for (int i = path.elements().size() - 1; i > 0; i--) {
      if (path.elements().get(i) instanceof PathElement.Name name) {
        return name.name();
      }
    }
    return path.topLevelName();
  }

  /**
   * Whether the SELECT reads in descending order. ORDER BY may name only the key the read is ordered by, the sort
   * key of the table or index read, and needs a WHERE that names the partition.
   */
  private static boolean checkOrderBy(Statement.Select select, KeySchema keys, boolean partitionPinned) {
    if (select.orderBy().isEmpty()) {
      return false;
    }
    // The messages are DynamoDB Local 3.3.1's; the service's are not recorded.
    if (select.where().isEmpty()) {
      throw DynamoException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
    }
    if (!partitionPinned) {
      throw DynamoException.validation("Must have at least one non-optional hash key condition in WHERE clause when"
          + " using ORDER BY clause.");
    }
    for (Statement.OrderBy term : select.orderBy()) {
      Expr.PathExpr path = term.path();
      if (path.steps().size() != 1) {
        throw DynamoException.validation("Argument to ORDER BY must be of type VariableReference. Type: PATH");
      }
      if (!keys.isKeyAttribute(path.topLevelName())) {
        throw DynamoException.validation("Variable reference " + path.topLevelName()
            + " in ORDER BY clause must be part of the primary key");
      }
    }
    // Within one partition only the sort key orders anything; ordering by the partition key changes nothing.
    return select.orderBy().stream().filter(term -> !term.path().topLevelName().equals(keys.partitionKey().name()))
        .findFirst().map(Statement.OrderBy::descending).orElse(false);
  }
}
