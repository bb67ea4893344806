package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonFactory;
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
   */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
      .build();

  private Json() {}
}
