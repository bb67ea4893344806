package io.shaledb.server.protocol;

/**
 * The credential scope of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=..., Signature=...}.
 * Parsed only; verification comes with access control.
 */
public record Credentials(String accessKeyId, String region) {
  private static final String CREDENTIAL = "Credential=";

  /** The scope of {@code authorization}, or empty strings for the parts it lacks. */
  public static Credentials parse(String authorization) {
    int start = authorization.indexOf(CREDENTIAL);
    if (start < 0) {
      return new Credentials("", "");
    }
    start += CREDENTIAL.length();
    int end = authorization.indexOf(',', start);
    String[] scope = authorization.substring(start, end < 0 ? authorization.length() : end).trim().split("/");
    return new Credentials(scope[0], scope.length > 2 ? scope[2] : "");
  }
}
