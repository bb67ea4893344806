package io.shaledb.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "'AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0'"
          + " | AKID | us-east-1",
      "'AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-2/dynamodb/aws4_request' | AKID | eu-west-2",
      "'AWS4-HMAC-SHA256 Credential= AKID/20250101/eu-west-2 , Signature=0' | AKID | eu-west-2",
      "'AWS4-HMAC-SHA256 Credential=AKID/20250101/, Signature=0' | AKID | ''",
      "'AWS4-HMAC-SHA256 Credential=AKID/20250101, Signature=0' | AKID | ''",
      "'AWS4-HMAC-SHA256 Credential=AKID, Signature=0' | AKID | ''",
      "'AWS4-HMAC-SHA256 Credential=AKID//us-east-1/dynamodb' | AKID | us-east-1",
      "'AWS4-HMAC-SHA256 Credential=/20250101/us-east-1/dynamodb' | '' | us-east-1",
      "'AWS4-HMAC-SHA256 Credential=, Signature=0' | '' | ''",
      "'AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0' | '' | ''",
      "'' | '' | ''",
  })
  void readsTheAccessKeyAndRegionOfTheScope(String authorization, String accessKeyId, String region) {
    assertThat(Credentials.parse(authorization)).isEqualTo(new Credentials(accessKeyId, region));
  }
}
