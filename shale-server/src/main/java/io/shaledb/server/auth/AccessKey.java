package io.shaledb.server.auth;

import java.time.Instant;

/** An access key as listed: everything but its secret. */
public record AccessKey(String id, String userName, AccessKeyStatus status, Instant created) {}
