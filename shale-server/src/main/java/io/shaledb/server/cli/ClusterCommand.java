package io.shaledb.server.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.server.json.ClusterJson;
import io.shaledb.server.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shaledb cluster ...}: a running cluster node's view of its cluster (docs/cluster.md, "Cluster status"). */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Look at the cluster a running node belongs to.", subcommands = ClusterCommand.Status.class)
final class ClusterCommand {

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "The cluster's nodes, and each partition's state, primary and replicas, as the node at --endpoint"
          + " sees them (the admin API's DescribeCluster; signed like users --endpoint).")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminEndpoint server = new AdminEndpoint();

    @Option(names = "--json", description = "Print DescribeCluster's answer as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() {
      URI endpoint = server.endpoint;
      if (endpoint == null) {
        spec.commandLine().getErr().println("cluster status needs --endpoint: the status is a running node's");
        return 1;
      }
      return server.call(spec, endpoint, client -> json ? json(client.clusterStatus()) : text(client.clusterStatus()));
    }
  }

  /** The status as DescribeCluster answers it, indented. */
  static String json(ClusterStatus status) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      ClusterJson.writeClusterStatus(g, status);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out + "\n";
  }

  /** Two tables, the nodes and the partitions, between them a line on the zone. */
  static String text(ClusterStatus status) {
    List<List<String>> nodes = new ArrayList<>();
    nodes.add(List.of("NODE", "ADDRESS", "STATE"));
    for (ClusterStatus.Node node : status.nodes()) {
      nodes.add(List.of(node.name() == null ? "-" : node.name(), node.address(), node.state().name()));
    }
    List<List<String>> partitions = new ArrayList<>();
    partitions.add(List.of("PARTITION", "STATE", "PRIMARY", "REPLICAS"));
    for (ClusterStatus.Partition partition : status.partitions()) {
      partitions.add(List.of(Integer.toString(partition.number()), partition.state().name(),
          partition.primary() == null ? "-" : partition.primary(), partition.replicas().stream()
              .map(replica -> replica.node() + " " + replica.state().name()).collect(Collectors.joining(", "))));
    }
    return table(nodes) + "\nzone " + status.zone() + ": " + status.partitions().size() + " partitions, "
        + status.replicas() + " replicas each\n\n" + table(partitions);
  }

  /** Rows in columns two spaces apart, each as wide as its widest cell; the last column unpadded. */
  private static String table(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        out.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
      }
      out.append(row.get(columns - 1)).append('\n');
    }
    return out.toString();
  }
}
