package io.shaledb.server.policy;

/** A statement's Effect. */
public enum Effect {
  ALLOW,
  DENY
}
