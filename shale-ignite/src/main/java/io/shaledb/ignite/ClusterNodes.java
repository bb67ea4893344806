package io.shaledb.ignite;

import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.ClusterStatus.NodeState;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The nodes of a cluster status, from what this node knows of them: the members of the cluster (its logical topology)
 * are {@link NodeState#ACTIVE}; a node this node is connected to that is not a member is {@link NodeState#JOINING};
 * a seed where neither is found is {@link NodeState#UNCONNECTED} when something accepts connections there (a process
 * that is up, which Ignite does not talk to) and {@link NodeState#ABSENT} otherwise. So an operator sees why a node is
 * missing, and a node known only by its address is still listed.
 */
final class ClusterNodes {
  private ClusterNodes() {}

  /**
   * @param members the logical topology
   * @param connected the physical topology (members included)
   * @param seeds the {@code host:port} this node was told to find the cluster at
   * @param accepts whether something accepts connections at a seed's address, asked only of seeds no topology names
   */
  static List<ClusterStatus.Node> describe(Collection<TopologyMember> members, Collection<TopologyMember> connected,
      List<String> seeds, Predicate<String> accepts) {
    List<ClusterStatus.Node> nodes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    members.stream().sorted(Comparator.comparing(TopologyMember::name)).forEach(member -> {
      names.add(member.name());
      addresses.add(member.address());
      nodes.add(new ClusterStatus.Node(member.name(), member.address(), NodeState.ACTIVE));
    });
    connected.stream().filter(node -> !names.contains(node.name())).sorted(Comparator.comparing(TopologyMember::name))
        .forEach(node -> {
          addresses.add(node.address());
          nodes.add(new ClusterStatus.Node(node.name(), node.address(), NodeState.JOINING));
        });
    for (String seed : seeds) {
      String address = resolved(seed);
      if (addresses.add(address)) {
        nodes.add(new ClusterStatus.Node(null, address,
            accepts.test(address) ? NodeState.UNCONNECTED : NodeState.ABSENT));
      }
    }
    return nodes;
  }

  /** A seed as the nodes announce themselves: by IP address, so a seed named by host name still matches. */
  private static String resolved(String seed) {
    int colon = seed.lastIndexOf(':');
    if (colon < 0) {
      return seed;
    }
    try {
      return InetAddress.getByName(seed.substring(0, colon)).getHostAddress() + seed.substring(colon);
    } catch (UnknownHostException e) {
      return seed;
    }
  }
}
