package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings a restore (from a backup or to a point in time) may change from the source table's. An index
 * override, when present, replaces the source's indexes of its kind (an empty list drops them all).
 * {@code unsupportedFeatures} names members ShaleDB does not implement (encryption with a KMS key), refused rather
 * than ignored.
 */
public record RestoreOverrides(
    @Nullable Choice<BillingMode> billingMode,
    @Nullable List<SecondaryIndex> globalSecondaryIndexes,
    @Nullable List<SecondaryIndex> localSecondaryIndexes,
    @Nullable Throughput provisionedThroughput,
    @Nullable OnDemandThroughputSpecification onDemandThroughput,
    List<String> unsupportedFeatures) {

  public RestoreOverrides {
    unsupportedFeatures = List.copyOf(unsupportedFeatures);
  }

  public static final RestoreOverrides NONE = new RestoreOverrides(null, null, null, null, null, List.of());
}
