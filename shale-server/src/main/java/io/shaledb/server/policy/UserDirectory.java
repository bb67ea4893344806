package io.shaledb.server.policy;

import java.util.Map;

/** Where users' policies and tags are kept: the principal store. */
public interface UserDirectory {

  /** Every user's policies and tags, by user name. */
  Map<String, UserAccess> access();

  /** Runs {@code listener} after every change of users, keys, policies or tags. */
  void onChange(Runnable listener);
}
