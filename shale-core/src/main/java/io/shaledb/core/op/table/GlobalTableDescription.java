package io.shaledb.core.op.table;

import java.time.Instant;
import java.util.List;

/**
 * A global table of version 2017.11.29 as CreateGlobalTable, DescribeGlobalTable and UpdateGlobalTable answer it.
 *
 * @param regions the replication group: the regions holding a replica, this one first
 */
public record GlobalTableDescription(String name, String arn, Instant created, GlobalTableStatus status,
    List<String> regions) {

  public GlobalTableDescription {
    regions = List.copyOf(regions);
  }

  public enum GlobalTableStatus {
    CREATING,
    ACTIVE,
    DELETING,
    UPDATING
  }
}
