package io.shaledb.core.op.read;

import io.shaledb.core.api.Select;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.LegacyParameters;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checks and bindings Query and Scan share: Select, projection, filter, Limit and the exclusive start key. */
final class ReadParameters {
  /** What a read resolved to: its target, bound filter and projection, and where it starts. */
  record Resolved(ReadTarget target, @Nullable Condition filter, @Nullable List<Path> projection, boolean countOnly,
      boolean consistent, byte @Nullable [] exclusiveStart) {}

  private ReadParameters() {}

  /** The two reads, which check their legacy filters under different names and word a Limit below 1 differently. */
  enum Kind {
    QUERY("queryFilter"),
    SCAN("scanFilter");

    private final String filterParameter;

    Kind(String filterParameter) {
      this.filterParameter = filterParameter;
    }
  }

  /** Select's values as DynamoDB lists them in its enum constraint. */
  private static final List<Select> SELECT_LISTING =
      List.of(Select.SPECIFIC_ATTRIBUTES, Select.COUNT, Select.ALL_ATTRIBUTES, Select.ALL_PROJECTED_ATTRIBUTES);

  static ConstraintViolations checkDeclared(ReadRequest r, Kind kind) {
    ConstraintViolations v = new ConstraintViolations();
    TableNames.ofItemOperation(v, r.tableName());
    TableNames.declared(v, "indexName", r.indexName());
    switch (kind) {
      // Query's check names the member as the request spells it and leaves the value out.
      case QUERY -> v.atLeastWithoutValue("Limit", r.limit(), 1);
      case SCAN -> v.range("limit", r.limit(), 1, Integer.MAX_VALUE);
    }
    v.oneOf("select", r.select(), SELECT_LISTING);
    CommonParameters.returnConsumedCapacity(v, r.returnConsumedCapacity());
    LegacyParameters.checkDeclared(v, kind.filterParameter, r.legacyFilter(), r.conditionalOperator());
    return v;
  }

  /**
   * Binds the filter and projection with {@code binder} (which the caller may already have used for a key
   * condition), checks the Select rules, and looks the table up.
   *
   * @param legacyFilterName QueryFilter or ScanFilter
   */
  static Resolved resolve(Database db, ReadRequest r, Binder binder, String legacyFilterName, String operation) {
    String projectionParameter = r.attributesToGet() != null ? "AttributesToGet"
        : r.projectionExpression() != null ? "ProjectionExpression" : null;
    Select select = Choice.valueOr(r.select(), projectionParameter != null ? Select.SPECIFIC_ATTRIBUTES
        : r.indexName() != null ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES);
    switch (select) {
      case ALL_PROJECTED_ATTRIBUTES -> {
        if (r.indexName() == null) {
          throw DynamoException.validation(
              "ALL_PROJECTED_ATTRIBUTES can be used only when " + operation + " using an IndexName");
        }
        if (projectionParameter != null) {
          throw DynamoException.validation("Cannot specify the " + projectionParameter + " when choosing to get "
              + "ALL_PROJECTED_ATTRIBUTES");
        }
      }
      case SPECIFIC_ATTRIBUTES -> {
        if (projectionParameter == null) {
          throw DynamoException.validation("Must specify the AttributesToGet or ProjectionExpression when choosing"
              + " to get SPECIFIC_ATTRIBUTES");
        }
      }
      case COUNT, ALL_ATTRIBUTES -> {
        if (projectionParameter != null) {
          throw DynamoException.validation("Cannot specify the " + projectionParameter + " when choosing to get "
              + (select == Select.COUNT ? "only the Count" : "ALL_ATTRIBUTES"));
        }
      }
    }
    Condition filter = r.filterExpression() != null
        ? binder.bind(ExpressionKind.FILTER, db.expressions().condition(ExpressionKind.FILTER, r.filterExpression()))
        : LegacyParameters.condition(r.legacyFilter(), r.conditionalOperator());
    List<Path> projection = projection(db, r, binder);
    binder.checkAllUsed();
    TableMetadata table = db.tableForItems(Validated.present(r.tableName()));
    if (r.indexName() != null && table.index(r.indexName()) == null) {
      // The index may have been added just now through another server sharing the engine.
      db.catalog().refresh();
      table = db.tableForItems(Validated.present(r.tableName()));
    }
    binder.checkKeyPaths(table);
    ReadTarget target = target(table, r, select, projection);
    byte[] exclusiveStart = r.exclusiveStartKey() == null ? null : startKey(target, r.exclusiveStartKey());
    return new Resolved(target, filter, projection, select == Select.COUNT, Boolean.TRUE.equals(r.consistentRead()),
        exclusiveStart);
  }

  private static ReadTarget target(TableMetadata table, ReadRequest r, Select select,
      @Nullable List<Path> projection) {
    if (r.indexName() == null) {
      return new ReadTarget(table, null, false);
    }
    IndexMetadata index = table.index(r.indexName());
    if (index == null) {
      throw DynamoException.validation("The table does not have the specified index: " + r.indexName());
    }
    if (!index.local() && Boolean.TRUE.equals(r.consistentRead())) {
      throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
    }
    boolean projectsAll = index.projectionType() == IndexMetadata.ProjectionType.ALL;
    if (select == Select.ALL_ATTRIBUTES && !projectsAll && !index.local()) {
      throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
          + " not supported for global secondary index " + index.name() + " because its projection type is not ALL");
    }
    boolean wantsMore = select == Select.ALL_ATTRIBUTES || (projection != null && projection.stream()
        .map(Path::topLevelName).anyMatch(name -> !projected(table, index, name)));
    return new ReadTarget(table, index, index.local() && !projectsAll && wantsMore);
  }

  static boolean projected(TableMetadata table, IndexMetadata index, String attribute) {
    return index.projectionType() == IndexMetadata.ProjectionType.ALL || table.keySchema().isKeyAttribute(attribute)
        || index.keySchema().isKeyAttribute(attribute) || index.nonKeyAttributes().contains(attribute);
  }

  private static @Nullable List<Path> projection(Database db, ReadRequest r, Binder binder) {
    if (r.attributesToGet() != null) {
      return LegacyParameters.attributesToGet(r.attributesToGet());
    }
    return r.projectionExpression() == null ? null
        : binder.bind(ExpressionKind.PROJECTION, db.expressions().projection(r.projectionExpression()));
  }

  static byte[] startKey(ReadTarget target, Map<String, AttributeValue> key) {
    if (target.index() == null) {
      try {
        return ItemKeys.ofKey(target.table(), key);
      } catch (DynamoException e) {
        throw DynamoException.validation("The provided starting key is invalid: " + e.getMessage());
      }
    }
    return target.indexStartKey(key);
  }
}
