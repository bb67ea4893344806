package io.shaledb.core.op.autoscaling;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Describe operation's answer, with the NextToken of the rest. The token is the position of the next
 * entry: the lists are short and ordered (by table, then dimension), so a position is as good as a cursor.
 */
public record Page<T>(List<T> entries, @Nullable String nextToken) {
  /** The service's page size, and the largest MaxResults it accepts. */
  static final long MAX_RESULTS = 50;

  public Page {
    entries = List.copyOf(entries);
  }

  static <T> Page<T> of(List<T> all, @Nullable Long maxResults, @Nullable String nextToken) {
    int from = start(nextToken, all.size());
    int size = (int) (maxResults == null ? MAX_RESULTS : maxResults);
    int to = Math.min(all.size(), from + size);
    return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
  }

  private static int start(@Nullable String nextToken, int size) {
    if (nextToken == null) {
      return 0;
    }
    try {
      int from = Integer.parseInt(nextToken);
      if (from >= 0 && from <= size) {
        return from;
      }
    } catch (NumberFormatException e) {
      // Refused below, as every token no answer gave.
    }
    throw new DynamoException(ErrorCode.INVALID_NEXT_TOKEN, "Invalid token");
  }
}
