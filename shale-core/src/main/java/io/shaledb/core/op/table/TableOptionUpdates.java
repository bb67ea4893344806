package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.WarmThroughputSpecification;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.WarmThroughput;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The table options CreateTable and UpdateTable both take: TableClass, OnDemandThroughput and WarmThroughput
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html). ShaleDB records them and
 * describes them back; none changes how items are stored or served.
 */
final class TableOptionUpdates {
  private TableOptionUpdates() {}

  static void checkDeclared(ConstraintViolations v, @Nullable Choice<TableClass> tableClass) {
    v.oneOf("tableClass", tableClass, TableClass.values());
  }

  /**
   * Refuses a table's OnDemandThroughput member that is neither -1 (unbounded) nor at least 1, in the service's words
   * as a Terraform user recorded them for MaxWriteRequestUnits 0 (hashicorp/terraform-provider-aws issue 39760); the
   * same words are assumed for MaxReadRequestUnits. The service's words for a global index's member were not found,
   * so an index's are not checked.
   */
  private static void checkTableRange(String member, @Nullable Long units) {
    if (units != null && units != OnDemandThroughput.UNBOUNDED && units < 1) {
      throw DynamoException.validation("One or more parameter values were invalid: Requested " + member
          + " for OnDemandThroughput for table is outside of valid range");
    }
  }

  /** Whether the request sets any of these options. */
  static boolean any(@Nullable Choice<TableClass> tableClass, @Nullable OnDemandThroughputSpecification onDemand,
      @Nullable WarmThroughputSpecification warm) {
    return tableClass != null || onDemand != null || warm != null;
  }

  /**
   * {@code current} with what the request sets; a member the request leaves out keeps its value.
   *
   * @throws DynamoException a ValidationException for a table's OnDemandThroughput member outside its range
   */
  static TableOptions apply(TableOptions current, @Nullable Choice<TableClass> tableClass,
      @Nullable OnDemandThroughputSpecification onDemand, @Nullable WarmThroughputSpecification warm) {
    if (onDemand != null) {
      checkTableRange("MaxReadRequestUnits", onDemand.maxReadRequestUnits());
      checkTableRange("MaxWriteRequestUnits", onDemand.maxWriteRequestUnits());
    }
    TableOptions options = current;
    if (tableClass != null) {
      options = options.withTableClass(tableClass.known());
    }
    if (onDemand != null) {
      options = options.withOnDemandThroughput(onDemand(current.onDemandThroughput(), onDemand));
    }
    if (warm != null) {
      Optional<WarmThroughput> was = current.warmThroughput();
      options = options.withWarmThroughput(Optional.of(new WarmThroughput(
          warm.readUnitsPerSecond() != null ? warm.readUnitsPerSecond()
              : was.map(WarmThroughput::readUnitsPerSecond).orElse(0L),
          warm.writeUnitsPerSecond() != null ? warm.writeUnitsPerSecond()
              : was.map(WarmThroughput::writeUnitsPerSecond).orElse(0L))));
    }
    return options;
  }

  /**
   * The OnDemandThroughput of a table or global index after a request sets {@code onDemand} (when given): a member
   * the request leaves out keeps its value, or is unbounded.
   */
  static Optional<OnDemandThroughput> onDemand(Optional<OnDemandThroughput> current,
      @Nullable OnDemandThroughputSpecification onDemand) {
    if (onDemand == null) {
      return current;
    }
    OnDemandThroughput was = current.orElse(OnDemandThroughput.NONE);
    return Optional.of(new OnDemandThroughput(
        onDemand.maxReadRequestUnits() == null ? was.maxReadRequestUnits() : onDemand.maxReadRequestUnits(),
        onDemand.maxWriteRequestUnits() == null ? was.maxWriteRequestUnits() : onDemand.maxWriteRequestUnits()));
  }
}
