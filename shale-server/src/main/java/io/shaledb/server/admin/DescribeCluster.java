package io.shaledb.server.admin;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.StorageEngine;

/**
 * DescribeCluster, ShaleDB's own admin call ({@code shaledb cluster status}): the cluster the server's storage engine
 * runs on, as the engine describes it. A server whose engine is not clustered answers a ValidationException.
 */
public final class DescribeCluster implements Operation<AdminInputs.DescribeCluster, ClusterStatus> {
  static final String NOT_CLUSTERED = "This server's storage engine does not run on a cluster";

  private final StorageEngine engine;

  public DescribeCluster(StorageEngine engine) {
    this.engine = engine;
  }

  @Override
  public void validate(AdminInputs.DescribeCluster input) {}

  @Override
  public ClusterStatus execute(AdminInputs.DescribeCluster input, RequestContext context) {
    if (!engine.capabilities().contains(Capability.CLUSTER_STATUS)) {
      throw new DynamoException(ErrorCode.VALIDATION, NOT_CLUSTERED);
    }
    return engine.clusterStatus();
  }
}
