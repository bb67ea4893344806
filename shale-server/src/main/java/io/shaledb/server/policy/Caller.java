package io.shaledb.server.policy;

/** The verified user a request is decided for: its ARN and account, as policies name them. */
public record Caller(String arn, String accountId) {}
