package io.shaledb.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A run's findings: what agreed per operation, the differences by known class, and the unexplained ones. */
final class Report {
  /** Examples written per known class; the counts are always complete. */
  private static final int EXAMPLES_PER_CLASS = 5;
  private static final int UNEXPLAINED_WRITTEN = 300;
  private static final Pattern QUOTED_OR_NUMBER = Pattern.compile("'[^']*'|\"[^\"]*\"|\\b\\d+\\b|:\\w+|#\\w+");

  private final long seed;
  private final Map<String, int[]> agreement = new TreeMap<>();
  private final Map<KnownDifference, List<Difference>> known = new EnumMap<>(KnownDifference.class);
  private final List<Difference> unexplained = new ArrayList<>();
  private final Map<String, Integer> agreedErrors = new TreeMap<>();
  private int steps;

  Report(long seed) {
    this.seed = seed;
  }

  /** Counts a step both servers answered alike. */
  void agreed(String operation, Outcome outcome) {
    agreement.computeIfAbsent(operation, o -> new int[3])[outcome.failed() ? 1 : 0]++;
    if (outcome.failed()) {
      agreedErrors.merge(operation + " " + outline(outcome), 1, Integer::sum);
    }
  }

  void differed(Difference difference) {
    if (difference.kind() != Difference.Kind.STATE) {
      agreement.computeIfAbsent(difference.operation(), o -> new int[3])[2]++;
    }
    Optional<KnownDifference> match = KnownDifference.classify(difference);
    if (match.isPresent()) {
      known.computeIfAbsent(match.get(), k -> new ArrayList<>()).add(difference);
    } else {
      unexplained.add(difference);
    }
  }

  void stepsRun(int count) {
    steps = count;
  }

  int steps() {
    return steps;
  }

  List<Difference> unexplained() {
    return unexplained;
  }

  /** Steps both servers answered with success, over all operations. */
  int agreedSuccesses() {
    return agreement.values().stream().mapToInt(counts -> counts[0]).sum();
  }

  String summary() {
    StringBuilder out = new StringBuilder("Differential run, seed " + seed + ", " + steps + " operations\n");
    out.append(String.format("%-20s %10s %10s %10s%n", "operation", "both ok", "same error", "differ"));
    agreement.forEach((operation, counts) -> out.append(String.format("%-20s %10d %10d %10d%n", operation,
        counts[0], counts[1], counts[2])));
    out.append("errors both answered alike:\n");
    agreedErrors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> out.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
    out.append("known differences:\n");
    known.forEach((k, list) -> out.append(String.format("  %-40s %-15s %6d  %s%n", k, k.side(), list.size(),
        k.summary())));
    out.append("unexplained: ").append(unexplained.size()).append('\n');
    signatures().forEach((signature, count) -> out.append(String.format("  %6d  %s%n", count, signature)));
    return out.toString();
  }

  /** Unexplained differences grouped by operation and both outcomes with names and numbers masked. */
  private Map<String, Integer> signatures() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Difference d : unexplained) {
      counts.merge(d.kind() + " " + d.operation() + " | ShaleDB " + outline(d.shaledb()) + " | DynamoDB Local "
          + outline(d.dynamodbLocal()), 1, Integer::sum);
    }
    return counts;
  }

  private static String outline(Outcome outcome) {
    if (!outcome.failed()) {
      return "ok";
    }
    return outcome.errorType() + ": " + QUOTED_OR_NUMBER.matcher(outcome.message()).replaceAll("_");
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    StringBuilder out = new StringBuilder(summary()).append('\n');
    known.forEach((k, list) -> {
      out.append("## ").append(k).append(" (").append(list.size()).append(")\n");
      list.stream().limit(EXAMPLES_PER_CLASS).forEach(d -> out.append(d.describe()).append("\n\n"));
    });
    out.append("## unexplained (").append(unexplained.size()).append(")\n");
    unexplained.stream().limit(UNEXPLAINED_WRITTEN).forEach(d -> out.append(d.describe()).append("\n\n"));
    Files.writeString(directory.resolve("diff-seed-" + seed + ".txt"), out, StandardCharsets.UTF_8);
  }
}
