package io.shaledb.server.auth;

/** An access key just created, with its secret: the only time the secret is shown, as IAM shows it. */
public record NewAccessKey(AccessKey key, String secret) {}
