package io.shaledb.ignite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.ignite.network.ClusterNode;
import org.apache.ignite.network.NodeMetadata;

/**
 * The nodes this node's network layer is connected to: Ignite's physical topology, which holds the members of the
 * cluster (its logical topology) and also nodes that are not members, such as one that is joining (waiting for the
 * cluster's management group to let it in). Ignite 3.1's Java API gives the logical topology only;
 * the physical one is public through the node's REST management API ({@code GET
 * /management/v1/cluster/topology/physical}), asked here at this node's own REST port.
 */
final class PhysicalTopology {
  private static final String PATH = "/management/v1/cluster/topology/physical";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(PhysicalTopology.class.getName());

  private final Duration patience;

  /** @param patience how long the REST API may take to answer */
  PhysicalTopology(Duration patience) {
    this.patience = patience;
  }

  /**
   * The nodes {@code self}, the local node, is connected to, itself included; empty when its REST API does not answer
   * in time or answers something else, which is logged: the status then lacks the nodes outside the cluster.
   */
  Optional<List<TopologyMember>> read(ClusterNode self) {
    NodeMetadata rest = self.nodeMetadata();
    if (rest == null || rest.httpPort() <= 0) {
      LOG.log(System.Logger.Level.WARNING, "node {0} announces no HTTP port for its REST API", self.name());
      return Optional.empty();
    }
    URI uri = URI.create("http://" + self.address().host() + ":" + rest.httpPort() + PATH);
    // A client for each read: an operator asks seldom, and a client kept would keep its selector thread for good.
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(patience).build()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(patience).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
      }
      return Optional.of(members(JSON.readTree(response.body())));
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the physical topology of node {0} ({1}) could not be read: {2}",
          self.name(), uri, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The members of the REST API's answer: {@code [{"name", "address": {"host", "port"}, ...}]}. */
  static List<TopologyMember> members(JsonNode answer) throws IOException {
    if (!answer.isArray()) {
      throw new IOException("not a list of nodes: " + answer);
    }
    List<TopologyMember> members = new ArrayList<>();
    for (JsonNode node : answer) {
      JsonNode address = node.path("address");
      if (!node.path("name").isTextual() || !address.path("host").isTextual() || !address.path("port").isInt()) {
        throw new IOException("a node without a name, host or port: " + node);
      }
      members.add(new TopologyMember(node.get("name").asText(),
          address.get("host").asText() + ":" + address.get("port").asInt()));
    }
    return members;
  }
}
