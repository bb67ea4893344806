package io.shaledb.ignite;

import org.apache.ignite.network.ClusterNode;

/**
 * A node as one of Ignite's topologies names it.
 *
 * @param name its name, unique in the cluster
 * @param address where the other nodes reach it ({@code host:port})
 */
record TopologyMember(String name, String address) {
  static TopologyMember of(ClusterNode node) {
    return new TopologyMember(node.name(), node.address().host() + ":" + node.address().port());
  }
}
