package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An instance an acceptor saw decided by a Commit: the value of {@code origin} was chosen to follow the committed
 * value of ballot {@code base}. Since one value follows each committed one, this tells a writer that could not see
 * its own value's fate whether its value was the one chosen there, or never can be.
 *
 * @param base the committed ballot the chosen value followed, or null when it was the item's first
 */
public record Decided(ReplicationStamp origin, @Nullable ReplicationStamp base) {

  /** Whether this decided the instance {@code proposal} was made in. */
  public boolean decides(Proposal proposal) {
    return Objects.equals(base, proposal.base());
  }
}
