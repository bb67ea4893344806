package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the Describe operations share: their declared constraints and the registered targets, read consistently. */
final class Described {
  private Described() {}

  static void checkDeclared(DescribeInput in) {
    ConstraintViolations v = new ConstraintViolations();
    TargetAddress.checkDeclared(v, in.serviceNamespace(), in.resourceId(), in.scalableDimension());
    v.range("maxResults", in.maxResults(), 0, Page.MAX_RESULTS);
    v.throwIfAny();
  }

  /**
   * Every target of the namespace that the filters match, by table name and then the table's before its indexes'.
   * Only existing tables and indexes are read, so the targets of one dropped but not yet reclaimed never appear.
   */
  static List<ScalableTarget> targets(Database db, DescribeInput in) {
    List<ScalableTarget> matching = new ArrayList<>();
    if (!TargetAddress.NAMESPACE.equals(in.serviceNamespace())) {
      return matching;
    }
    try (Snapshot snapshot = db.storage().snapshot()) {
      for (TableMetadata table : db.catalog().list()) {
        for (ScalableTargets.Located located : ScalableTargets.of(snapshot, table)) {
          ScalableTarget target = located.target();
          if (matches(in.resourceIds(), in.resourceId(), target) && (in.scalableDimension() == null
              || in.scalableDimension().equals(target.dimension().text()))) {
            matching.add(target);
          }
        }
      }
    }
    return matching;
  }

  private static boolean matches(@Nullable List<String> resourceIds, @Nullable String resourceId,
      ScalableTarget target) {
    String id = target.resource().resourceId();
    return (resourceIds == null || resourceIds.isEmpty() || resourceIds.contains(id))
        && (resourceId == null || resourceId.equals(id));
  }
}
