package io.shaledb.it.jepsen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operations clients ran on one workload, grouped by the key they touched; safe to record into concurrently. */
public final class History<T> {
  private final Map<String, List<Timed<T>>> byKey = new TreeMap<>();

  public synchronized void record(String key, Timed<T> operation) {
    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(operation);
  }

  /** A copy of the operations so far, key by key, each key's in the order they were recorded. */
  public synchronized Map<String, List<Timed<T>>> byKey() {
    Map<String, List<Timed<T>>> copy = new TreeMap<>();
    byKey.forEach((key, operations) -> copy.put(key, List.copyOf(operations)));
    return copy;
  }

  /** How many operations ended with {@code outcome}. */
  public synchronized long count(Outcome outcome) {
    return byKey.values().stream().flatMap(List::stream).filter(o -> o.outcome() == outcome).count();
  }
}
