package io.shaledb.core.op.read;

import org.jspecify.annotations.Nullable;

/** Scan's request, as decoded: any field may be null. */
public record ScanInput(ReadRequest read, @Nullable Long segment, @Nullable Long totalSegments) {}
