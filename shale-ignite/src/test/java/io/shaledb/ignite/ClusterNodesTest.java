package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.ClusterStatus.Node;
import io.shaledb.core.storage.ClusterStatus.NodeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterNodesTest {
  private static final TopologyMember N0 = new TopologyMember("n0", "127.0.0.1:3344");
  private static final TopologyMember N1 = new TopologyMember("n1", "127.0.0.1:3345");

  @Test
  void describe_members_areActiveByName_andTheirSeedsAreNotRepeated() {
    assertThat(ClusterNodes.describe(List.of(N1, N0), List.of(N0, N1), List.of("127.0.0.1:3344", "127.0.0.1:3345"),
        seed -> false)).containsExactly(new Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
            new Node("n1", "127.0.0.1:3345", NodeState.ACTIVE));
  }

  @Test
  void describe_aConnectedNodeThatIsNoMember_isJoining_whetherOrNotASeedNamesIt() {
    TopologyMember joiningSeed = new TopologyMember("n2", "127.0.0.1:3346");
    TopologyMember joiningOther = new TopologyMember("n3", "127.0.0.1:3347");

    assertThat(ClusterNodes.describe(List.of(N0), List.of(joiningOther, N0, joiningSeed),
        List.of("127.0.0.1:3344", "127.0.0.1:3346"), seed -> true)).containsExactly(
            new Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
            new Node("n2", "127.0.0.1:3346", NodeState.JOINING),
            new Node("n3", "127.0.0.1:3347", NodeState.JOINING));
  }

  @Test
  void describe_aSeedNoTopologyNames_isUnconnectedWhenItAcceptsConnections_andAbsentOtherwise() {
    List<String> probed = new ArrayList<>();

    List<Node> nodes = ClusterNodes.describe(List.of(N0), List.of(N0),
        List.of("127.0.0.1:3344", "127.0.0.1:3345", "127.0.0.1:3346"), seed -> {
          probed.add(seed);
          return seed.equals("127.0.0.1:3345");
        });

    assertThat(nodes).containsExactly(new Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
        new Node(null, "127.0.0.1:3345", NodeState.UNCONNECTED), new Node(null, "127.0.0.1:3346", NodeState.ABSENT));
    assertThat(probed).as("only seeds no topology names are probed").containsExactly("127.0.0.1:3345",
        "127.0.0.1:3346");
  }

  @Test
  void describe_aSeedByHostName_matchesTheNodeAnnouncedByAddress() {
    assertThat(ClusterNodes.describe(List.of(N0), List.of(N0), List.of("localhost:3344", "localhost:3345"),
        seed -> false)).containsExactly(new Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
            new Node(null, "127.0.0.1:3345", NodeState.ABSENT));
  }

  @Test
  void describe_withoutThePhysicalTopology_stillListsMembersAndSeeds() {
    assertThat(ClusterNodes.describe(List.of(N0), List.of(), List.of("127.0.0.1:3344", "127.0.0.1:3345"),
        Set.of("127.0.0.1:3345")::contains)).containsExactly(new Node("n0", "127.0.0.1:3344", NodeState.ACTIVE),
            new Node(null, "127.0.0.1:3345", NodeState.UNCONNECTED));
  }
}
