package io.shaledb.core.op.replication;

import io.shaledb.core.consensus.PaxosCodec;
import io.shaledb.core.consensus.PaxosReply;
import io.shaledb.core.consensus.PaxosRequest;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.validate.Validated;

/**
 * A peer region's consensus request on an item of a table of multi-region strong consistency, answered by this
 * region's acceptor (docs/global-tables.md, "Multi-region strong consistency"); a region that has no part in the
 * table's consensus is answered ResourceNotFoundException.
 */
public final class Paxos implements Operation<PaxosInput, PaxosReply> {
  private final RegionConsensus consensus;

  public Paxos(RegionConsensus consensus) {
    this.consensus = consensus;
  }

  @Override
  public void validate(PaxosInput in) {
    if (in.tableName() == null || in.sourceRegion() == null || in.key() == null || in.request() == null) {
      throw DynamoException.validation("Paxos needs the TableName, the SourceRegion, the Key and the Request");
    }
  }

  @Override
  public PaxosReply execute(PaxosInput in, RequestContext context) {
    PaxosRequest request;
    try {
      request = PaxosCodec.decodeRequest(Validated.present(in.request()));
    } catch (IllegalArgumentException e) {
      throw DynamoException.serialization("Request is no consensus request of this server's version: "
          + e.getMessage());
    }
    return consensus.answer(Validated.present(in.tableName()), Validated.present(in.sourceRegion()),
        Validated.present(in.key()), request);
  }
}
