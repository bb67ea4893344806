package io.shaledb.core.replication;

/** A peer answered that it holds no replica of the table any more (it was deleted there). */
public final class ReplicaGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplicaGoneException(String message) {
    super(message);
  }
}
