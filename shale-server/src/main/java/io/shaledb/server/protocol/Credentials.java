package io.shaledb.server.protocol;

/**
 * The credential scope of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=..., Signature=...}.
 * Parsed only; verification comes with access control.
 */
public record Credentials(String accessKeyId, String region) {
  private static final String CREDENTIAL = "Credential=";

  /**
   * The scope of {@code authorization}, or empty strings for the parts it lacks. Every request parses one, so it
   * finds the slashes instead of splitting: a split built an array and five strings for the two it keeps.
   */
  public static Credentials parse(String authorization) {
    int start = authorization.indexOf(CREDENTIAL);
    if (start < 0) {
      return new Credentials("", "");
    }
    start += CREDENTIAL.length();
    int comma = authorization.indexOf(',', start);
    String scope = authorization.substring(start, comma < 0 ? authorization.length() : comma).trim();
    int keyEnd = scope.indexOf('/');
    if (keyEnd < 0) {
      return new Credentials(scope, "");
    }
    int dateEnd = scope.indexOf('/', keyEnd + 1);
    if (dateEnd < 0) {
      return new Credentials(scope.substring(0, keyEnd), "");
    }
    int regionEnd = scope.indexOf('/', dateEnd + 1);
    return new Credentials(scope.substring(0, keyEnd),
        scope.substring(dateEnd + 1, regionEnd < 0 ? scope.length() : regionEnd));
  }
}
