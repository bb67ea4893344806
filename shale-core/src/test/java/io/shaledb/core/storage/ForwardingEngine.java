package io.shaledb.core.storage;

import java.util.Map;
import java.util.Set;

/** An engine that passes every call on to another: the base of test engines that change one or two of them. */
public abstract class ForwardingEngine implements StorageEngine {
  protected final StorageEngine delegate;

  protected ForwardingEngine(StorageEngine delegate) {
    this.delegate = delegate;
  }

  @Override
  public Snapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public byte[] getWithoutBlocking(byte[] key) {
    return delegate.getWithoutBlocking(key);
  }

  @Override
  public long nextVersionstamp() {
    return delegate.nextVersionstamp();
  }

  @Override
  public Transaction begin() {
    return delegate.begin();
  }

  @Override
  public void clearRange(KeyRange range) {
    delegate.clearRange(range);
  }

  @Override
  public Map<String, Long> statistics() {
    return delegate.statistics();
  }

  @Override
  public ClusterStatus clusterStatus() {
    return delegate.clusterStatus();
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
