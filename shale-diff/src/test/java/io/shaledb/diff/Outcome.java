package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;

/** What a server answered: the HTTP status and the JSON body. */
record Outcome(int status, JsonNode body) {

  boolean failed() {
    return status != 200;
  }

  /** The error's type without its namespace ({@code com.amazonaws.dynamodb.v20120810#}), or "" on success. */
  String errorType() {
    String type = body.path("__type").asText("");
    return type.substring(type.indexOf('#') + 1);
  }

  /** The error message, whichever capitalisation of the member the server used. */
  String message() {
    JsonNode message = body.has("message") ? body.get("message") : body.path("Message");
    return message.asText("");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
