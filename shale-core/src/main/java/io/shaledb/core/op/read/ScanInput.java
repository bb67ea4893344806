package io.shaledb.core.op.read;

/** Scan's request, as decoded: any field may be null. */
public record ScanInput(ReadRequest read, Long segment, Long totalSegments) {}
