package io.shaledb.it.jepsen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The reads of the final state once every fault is healed, through the nodes that serve, one after another. Each node
 * gets {@code patience} for all of its reads together, counted from its first; a read it has not answered by then
 * fails that node for the rest of the check, and the reads go on through the next one. So a node that stops
 * answering costs one patience, not one per key, and the history is still checked (against the final values that
 * could be read: a key whose final read no node answered is checked without one). Every failure is kept: a node
 * that does not answer once every fault is healed is itself a failure of the run.
 */
public final class FinalReads {
  private final List<Node> nodes;
  private final Duration patience;
  private final List<String> failures = new ArrayList<>();
  private int current;
  private long deadline;

  /** A node to read through, by name. */
  public record Node(String name, DynamoDbClient client) {}

  public FinalReads(List<Node> nodes, Duration patience) {
    this.nodes = List.copyOf(nodes);
    this.patience = patience;
  }

  /**
   * {@code request}'s answer through the first node that has not failed, asking again after a failure until its
   * patience is spent; empty when every node has failed.
   *
   * @param what the read, for the failure's line
   */
  public <T> Optional<T> read(String what, Function<DynamoDbClient, T> request) {
    while (current < nodes.size()) {
      Node node = nodes.get(current);
      if (deadline == 0) {
        deadline = System.nanoTime() + patience.toNanos();
      }
      long begun = System.nanoTime();
      try {
        return Optional.of(Requests.until(() -> request.apply(node.client()), deadline));
      } catch (SdkException e) {
        failures.add(String.format(Locale.ROOT, "%s did not answer the final read of %s (%.1f s, %s's "
            + "patience of %.1f s spent): %s", node.name(), what, (System.nanoTime() - begun) / 1e9, node.name(),
            patience.toMillis() / 1e3, String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        current++;
        deadline = 0;
      }
    }
    return Optional.empty();
  }

  /** Each node that did not answer a final read, with the read and why. */
  public List<String> failures() {
    return List.copyOf(failures);
  }
}
