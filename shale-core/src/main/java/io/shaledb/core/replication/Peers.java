package io.shaledb.core.replication;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The other regions this one may replicate tables to, by region name, each with the link to reach it. */
public record Peers(Map<String, PeerLink> links) {
  public static final Peers NONE = new Peers(Map.of());

  public Peers {
    links = Map.copyOf(links);
  }

  public Optional<PeerLink> link(String region) {
    return Optional.ofNullable(links.get(region));
  }

  /** The peers' region names in order, as messages list them. */
  public String names() {
    return String.join(", ", new TreeMap<>(links).keySet());
  }
}
