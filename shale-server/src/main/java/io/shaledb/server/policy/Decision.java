package io.shaledb.server.policy;

/** What IAM's evaluation logic decides for one request, and why, as AccessDeniedException's message says it. */
public enum Decision {
  ALLOWED,
  /** No statement allows it: the default deny. */
  NOT_ALLOWED,
  DENIED_BY_IDENTITY_POLICY,
  DENIED_BY_RESOURCE_POLICY
}
