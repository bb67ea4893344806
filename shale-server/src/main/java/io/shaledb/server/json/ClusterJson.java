package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.server.admin.AdminInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DescribeCluster's request and answer: the answer is written by the server, read back by the command line
 * ({@code shaledb cluster status}), and written again by it for {@code --json}, all through this one shape:
 *
 * <pre>
 * {"Cluster": {"Nodes": [{"Name" (absent when not known), "Address", "State"}], "Zone", "Replicas",
 *              "Partitions": [{"Partition", "State", "Primary" (absent when none), "Replicas": [{"Node", "State"}]}]}}
 * </pre>
 */
public final class ClusterJson {
  private ClusterJson() {}

  /** DescribeCluster's request, which has no members. */
  public static AdminInputs.DescribeCluster readDescribeCluster(JsonInput in) throws IOException {
    in.beginRequest();
    while (in.nextField()) {
      in.skipValue();
    }
    return new AdminInputs.DescribeCluster();
  }

  public static void writeClusterStatus(JsonGenerator g, ClusterStatus status) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Cluster");
    g.writeArrayFieldStart("Nodes");
    for (ClusterStatus.Node node : status.nodes()) {
      g.writeStartObject();
      if (node.name() != null) {
        g.writeStringField("Name", node.name());
      }
      g.writeStringField("Address", node.address());
      g.writeStringField("State", node.state().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("Zone", status.zone());
    g.writeNumberField("Replicas", status.replicas());
    g.writeArrayFieldStart("Partitions");
    for (ClusterStatus.Partition partition : status.partitions()) {
      g.writeStartObject();
      g.writeNumberField("Partition", partition.number());
      g.writeStringField("State", partition.state().name());
      if (partition.primary() != null) {
        g.writeStringField("Primary", partition.primary());
      }
      g.writeArrayFieldStart("Replicas");
      for (ClusterStatus.Replica replica : partition.replicas()) {
        g.writeStartObject();
        g.writeStringField("Node", replica.node());
        g.writeStringField("State", replica.state().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The status in an answer read whole ({@link JsonTree}).
   *
   * @throws IllegalArgumentException when a member is missing or a state is not one ShaleDB knows
   */
  public static ClusterStatus readClusterStatus(Map<?, ?> answer) {
    Map<?, ?> cluster = map(answer, "Cluster");
    List<ClusterStatus.Node> nodes = new ArrayList<>();
    for (Object node : list(cluster, "Nodes")) {
      Map<?, ?> member = (Map<?, ?>) node;
      Object name = member.get("Name");
      nodes.add(new ClusterStatus.Node(name == null ? null : name.toString(), text(member, "Address"),
          ClusterStatus.NodeState.valueOf(text(member, "State"))));
    }
    List<ClusterStatus.Partition> partitions = new ArrayList<>();
    for (Object partition : list(cluster, "Partitions")) {
      Map<?, ?> member = (Map<?, ?>) partition;
      List<ClusterStatus.Replica> replicas = new ArrayList<>();
      for (Object replica : list(member, "Replicas")) {
        Map<?, ?> copy = (Map<?, ?>) replica;
        replicas.add(new ClusterStatus.Replica(text(copy, "Node"),
            ClusterStatus.ReplicaState.valueOf(text(copy, "State"))));
      }
      Object primary = member.get("Primary");
      partitions.add(new ClusterStatus.Partition(Integer.parseInt(text(member, "Partition")),
          ClusterStatus.PartitionState.valueOf(text(member, "State")), primary == null ? null : primary.toString(),
          replicas));
    }
    return new ClusterStatus(nodes, text(cluster, "Zone"), Integer.parseInt(text(cluster, "Replicas")), partitions);
  }

  private static Map<?, ?> map(Map<?, ?> answer, String member) {
    return (Map<?, ?>) required(answer, member);
  }

  private static List<?> list(Map<?, ?> answer, String member) {
    return (List<?>) required(answer, member);
  }

  private static String text(Map<?, ?> answer, String member) {
    return String.valueOf(required(answer, member));
  }

  private static Object required(Map<?, ?> answer, String member) {
    return Objects.requireNonNull(answer.get(member), () -> "DescribeCluster's answer lacks " + member);
  }
}
