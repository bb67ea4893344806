package io.shaledb.core.schema;

/**
 * The witness of a global table of multi-region strong consistency, as a replica's region sees it: the third region
 * of the consensus, which keeps each item's consensus state but no table (DescribeTable's GlobalTableWitnesses).
 *
 * @param region the witness region's name, as the peers file lists it
 */
public record Witness(String region, WitnessStatus status) {

  public Witness withStatus(WitnessStatus newStatus) {
    return new Witness(region, newStatus);
  }
}
