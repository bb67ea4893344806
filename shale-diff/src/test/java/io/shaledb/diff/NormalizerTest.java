package io.shaledb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  private static JsonNode json(String text) throws Exception {
    return Endpoint.JSON.readTree(text);
  }

  @Test
  void response_numbersByValue_equalForEveryFormOfOneNumber() throws Exception {
    JsonNode written = json("{\"Item\":{\"n\":{\"N\":\"1.50\"},\"z\":{\"N\":\"-0.0\"},\"ns\":{\"NS\":[\"1E2\",\"2\"]}}}");
    JsonNode normalised = json("{\"Item\":{\"ns\":{\"NS\":[\"2\",\"100\"]},\"n\":{\"N\":\"1.5\"},\"z\":{\"N\":\"0\"}}}");

    assertThat(Normalizer.response(written, true, false)).isEqualTo(Normalizer.response(normalised, true, false));
    assertThat(Normalizer.response(written, false, false))
        .isNotEqualTo(Normalizer.response(normalised, false, false));
  }

  @Test
  void response_setsAndBatchResponses_compareInAnyOrder() throws Exception {
    JsonNode one = json("{\"Responses\":{\"t\":[{\"k\":{\"S\":\"a\"}},{\"k\":{\"S\":\"b\"}}]},"
        + "\"Item\":{\"ss\":{\"SS\":[\"x\",\"y\"]}}}");
    JsonNode other = json("{\"Item\":{\"ss\":{\"SS\":[\"y\",\"x\"]}},"
        + "\"Responses\":{\"t\":[{\"k\":{\"S\":\"b\"}},{\"k\":{\"S\":\"a\"}}]}}");

    assertThat(Normalizer.response(one, true, false)).isEqualTo(Normalizer.response(other, true, false));
  }

  @Test
  void response_listsAndQueryItems_keepTheirOrder() throws Exception {
    JsonNode one = json("{\"Items\":[{\"k\":{\"S\":\"a\"}},{\"k\":{\"S\":\"b\"}}],\"l\":{\"L\":[{\"S\":\"x\"},{\"S\":\"y\"}]}}");
    JsonNode other = json("{\"Items\":[{\"k\":{\"S\":\"b\"}},{\"k\":{\"S\":\"a\"}}],\"l\":{\"L\":[{\"S\":\"y\"},{\"S\":\"x\"}]}}");

    assertThat(Normalizer.response(one, true, false)).isNotEqualTo(Normalizer.response(other, true, false));
    assertThat(Normalizer.response(json("{\"Items\":[{\"k\":{\"S\":\"a\"}},{\"k\":{\"S\":\"b\"}}]}"), true, true))
        .isEqualTo(Normalizer.response(json("{\"Items\":[{\"k\":{\"S\":\"b\"}},{\"k\":{\"S\":\"a\"}}]}"), true, true));
  }

  @Test
  void response_errorWithCapitalisedMessage_sameAsLowerCase() throws Exception {
    assertThat(Normalizer.response(json("{\"__type\":\"x#ValidationException\",\"Message\":\"m\"}"), true, false))
        .isEqualTo(Normalizer.response(json("{\"__type\":\"x#ValidationException\",\"message\":\"m\"}"), true, false));
  }
}
