package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/** The one JSON factory of the wire protocol. */
public final class Json {
  /**
   * Characters outside the Basic Multilingual Plane go out as their four UTF-8 bytes, as DynamoDB writes them and as
   * the byte-level path of {@link AttributeValueWriter} writes them, rather than as escaped surrogate pairs.
   *
   * <p>Parser and generator buffers come from one shared pool: Jackson's default pool is per thread, and every
   * request runs on a new virtual thread, so it allocated fresh 8 KB buffers for each request (most of a GetItem's
   * garbage, and with it young-collection pauses in the latency tail).
   *
   * <p>Reading constraints: names and strings may be as long as a request, since the transport bounds the body and
   * DynamoDB's own limits on names and values are the operations' to report, with its messages. Nesting stops at
   * 1,000 levels, far beyond the 32 levels of a DynamoDB document (about 70 in JSON) and low enough to keep the
   * recursive readers' stacks small. A request past it, like any other unreadable one, is a
   * SerializationException.
   */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNameLength(Integer.MAX_VALUE)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(1000)
          .build())
      .build();

  private Json() {}
}
