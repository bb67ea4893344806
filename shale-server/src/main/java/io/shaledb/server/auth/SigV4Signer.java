package io.shaledb.server.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Signs a request with SigV4 as the AWS SDKs sign one, for ShaleDB's own command line calling a server's admin API.
 * It builds the canonical request with the verifier's own code ({@link CanonicalRequest}), which AuthIT checks against
 * the AWS SDK's signer, so the two cannot drift apart; every header given is signed, with {@code host}.
 */
public final class SigV4Signer {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private SigV4Signer() {}

  /** Credentials to sign with; {@code sessionToken} for session credentials. */
  public record Credentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {}

  /**
   * The headers to send: those given, {@code X-Amz-Date}, {@code X-Amz-Security-Token} for session credentials, and
   * {@code Authorization}; {@code Host} is signed as {@code uri}'s authority, which the HTTP client sends.
   */
  public static Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body,
      Credentials credentials, String region, String service, Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String date = amzDate.substring(0, 8);
    Map<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
    signed.put("host", authority(uri));
    signed.put("x-amz-date", amzDate);
    if (credentials.sessionToken() != null) {
      signed.put("x-amz-security-token", credentials.sessionToken());
    }
    List<String> names = new ArrayList<>(signed.keySet());
    String nameList = String.join(";", names);
    byte[] canonicalHash = CanonicalRequest.sha256(
        new HeaderMapRequest(method, rawPath(uri), rawQuery(uri), signed, body), names, nameList, null);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    byte[] key = SigningKeys.hmac(SigningKeys.hmac(SigningKeys.hmac(SigningKeys.hmac(
        ("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date), region),
        service), "aws4_request");
    String signature = HEX.formatHex(SigningKeys.hmac(key,
        SigV4Verifier.stringToSign(amzDate, credentials.accessKeyId() + "/" + scope, canonicalHash)));
    Map<String, String> out = new TreeMap<>(signed);
    out.remove("host");
    out.put("authorization", SigV4Verifier.ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
        + ", SignedHeaders=" + nameList + ", Signature=" + signature);
    return out;
  }

  /**
   * A request signed as {@link #sign} signs it, with the Host header the HTTP client adds: what a server's verifier
   * reads, for checking a verifier without HTTP.
   */
  public static HeaderMapRequest signedRequest(String method, URI uri, Map<String, String> headers, byte[] body,
      Credentials credentials, String region, String service, Instant now) {
    Map<String, String> sent = new TreeMap<>(sign(method, uri, headers, body, credentials, region, service, now));
    sent.put("host", authority(uri));
    return new HeaderMapRequest(method, rawPath(uri), rawQuery(uri), sent, body);
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String rawPath(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static String rawQuery(URI uri) {
    String query = uri.getRawQuery();
    return query == null ? "" : query;
  }
}
