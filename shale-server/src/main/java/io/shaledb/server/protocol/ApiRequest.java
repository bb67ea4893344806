package io.shaledb.server.protocol;

public record ApiRequest(String target, String requestId, String accessKeyId, String region) {}
