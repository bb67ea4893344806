package io.shaledb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SigV4's canonical forms, against AWS's "Create a canonical request for Signature Version 4". */
class CanonicalRequestTest {

  @Test
  void path_emptyOrRoot_isSlash() {
    assertThat(CanonicalRequest.path("")).isEqualTo("/");
    assertThat(CanonicalRequest.path("/")).isEqualTo("/");
  }

  @Test
  void path_dotSegmentsAndEncodedSegments_areNormalisedThenEncodedAgain() {
    assertThat(CanonicalRequest.path("/a/./b/../c%20d")).isEqualTo("/a/c%2520d");
  }

  @Test
  void query_parameters_areDecodedEncodedAndSortedByNameThenValue() {
    assertThat(CanonicalRequest.query("b=2&a=y&a=x&c=%2F+~", null)).isEqualTo("a=x&a=y&b=2&c=%2F%2B~");
  }

  @Test
  void query_excludedParameter_isLeftOut() {
    assertThat(CanonicalRequest.query("X-Amz-Signature=abc&X-Amz-Date=1", "X-Amz-Signature"))
        .isEqualTo("X-Amz-Date=1");
  }

  @Test
  void encode_unreservedCharactersStay_andOthersArePercentEncodedUpperCase() {
    assertThat(CanonicalRequest.encode("Az09-_.~ /é")).isEqualTo("Az09-_.~%20%2F%C3%A9");
  }
}
