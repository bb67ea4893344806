package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/** The one JSON factory of the wire protocol. */
public final class Json {
  /**
   * Characters outside the Basic Multilingual Plane go out as their four UTF-8 bytes, as DynamoDB writes them and as
   * the byte-level path of {@link AttributeValueWriter} writes them, rather than as escaped surrogate pairs.
   */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  private Json() {}
}
