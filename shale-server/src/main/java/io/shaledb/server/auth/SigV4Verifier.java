package io.shaledb.server.auth;

import io.shaledb.core.op.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a request's AWS Signature Version 4, in its Authorization header or a presigned query string, against the
 * principal store's keys, as DynamoDB does: the credential scope must name this server's region, the service the
 * request's target belongs to ({@link SigningService}: {@code dynamodb}, or {@code application-autoscaling} for the
 * auto scaling API served on the same endpoint) and {@code aws4_request}; the date ({@code X-Amz-Date}, else
 * {@code Date}) must be within 15 minutes of the server's clock (a presigned request's, within its
 * {@code X-Amz-Expires}); {@code host} must be signed, and so must {@code X-Amz-Target}, which chooses the operation;
 * the payload's hash is always the body's (DynamoDB takes no unsigned payload); a session token
 * ({@code X-Amz-Security-Token}) must be one ShaleDB issued for the access key id, and not expired. Checks run in that
 * order and the first failure is the answer ({@link SignatureErrors}).
 *
 * <p>Verification runs on every request once users exist, on the event loop: a client sends the same credential and
 * signed header list on each of its requests, so the last ones split are kept and compared rather than split again,
 * the Authorization header is read without splitting it, and the signature is compared with the computed one digit
 * by digit, without making either text.
 */
final class SigV4Verifier {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final String TERMINATOR = "aws4_request";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String LOWER_HEX = "0123456789abcdef";

  private final String region;
  private final Clock clock;
  private final SigningKeys keys;

  SigV4Verifier(String region, Clock clock, SigningKeys keys) {
    this.region = region;
    this.clock = clock;
    this.keys = keys;
  }

  /**
   * The parts of a signature, from the Authorization header or the query.
   *
   * @param signedHeaderList the signed header names as sent, separated by {@code ;}
   * @param signedHeaders the same names, split
   * @param signature where the signature is: in {@code signature} from {@code signatureStart} to
   *     {@code signatureEnd}, so that a header's is compared in place
   * @param reused taken from the last Authorization header parsed, with this one's signature, which is not yet known
   *     to be one: only that it is as long and ends the header ({@link ReadHeader#resignedAs})
   */
  private record Parts(String credential, String signedHeaderList, List<String> signedHeaders, String signature,
      int signatureStart, int signatureEnd, String date, @Nullable Duration expires, boolean reused) {

    Parts(String credential, String signedHeaderList, String signature, int signatureStart, int signatureEnd,
        String date, @Nullable Duration expires) {
      this(credential, signedHeaderList, signedHeaderNames(signedHeaderList), signature, signatureStart, signatureEnd,
          date, expires, false);
    }
  }

  /** A text and what it was split into. */
  private record Split<T>(String text, T parts) {}

  /** The last signed header list split, shared by the event loops: one client's requests all send the same. */
  private static volatile @Nullable Split<List<String>> lastSignedHeaders;

  /** The last credential split into its five parts, shared likewise. */
  private static volatile @Nullable Split<String[]> lastCredential;

  private static List<String> signedHeaderNames(String signedHeaderList) {
    Split<List<String>> last = lastSignedHeaders;
    if (last != null && last.text().equals(signedHeaderList)) {
      return last.parts();
    }
    List<String> names = List.of(signedHeaderList.split(";"));
    lastSignedHeaders = new Split<>(signedHeaderList, names);
    return names;
  }

  /** The credential's slash-separated parts; the array is shared, so it is only read. */
  private static String[] scope(String credential) {
    Split<String[]> last = lastCredential;
    if (last != null && last.text().equals(credential)) {
      return last.parts();
    }
    String[] parts = credential.split("/", -1);
    lastCredential = new Split<>(credential, parts);
    return parts;
  }

  Principal verify(SignedRequest request) {
    return verify(request, true);
  }

  /**
   * @param reuseHeader whether the Authorization header's parts may be the last header's ({@link #fromHeader}); a
   *     signature that does not match them is verified again without, so that its answer is the parsed header's
   */
  private Principal verify(SignedRequest request, boolean reuseHeader) {
    String authorization = request.header("Authorization");
    List<Map.Entry<String, String>> query = request.rawQuery().contains("X-Amz-Algorithm")
        ? CanonicalRequest.parameters(request.rawQuery()) : List.of();
    boolean presigned = value(query, "X-Amz-Algorithm") != null;
    if (authorization != null && presigned) {
      throw SignatureErrors.bothForms();
    }
    Parts parts = presigned ? fromQuery(query) : fromHeader(request, authorization, reuseHeader);
    String[] scope = scope(parts.credential());
    if (scope.length != 5) {
      throw SignatureErrors.credentialParts(parts.credential());
    }
    if (!scope[4].equals(TERMINATOR)) {
      throw SignatureErrors.wrongTerminator(scope[4]);
    }
    if (!scope[2].equals(region)) {
      throw SignatureErrors.wrongRegion(scope[2]);
    }
    String target = request.header("X-Amz-Target");
    SigningService service = SigningService.ofTarget(target);
    if (!scope[3].equals(service.signingName())) {
      throw SignatureErrors.wrongService(service.signingName());
    }
    SignedDate signedAt = signedDate(parts.date());
    String amzDate = signedAt.amzDate();
    if (!amzDate.startsWith(scope[1]) || scope[1].length() != 8) {
      throw SignatureErrors.scopeDate(scope[1], amzDate);
    }
    checkTime(signedAt.instant(), parts.expires());
    List<String> signed = parts.signedHeaders();
    if (!signed.contains("host")) {
      throw SignatureErrors.hostNotSigned();
    }
    if (target != null && !signed.contains("x-amz-target")) {
      throw SignatureErrors.mustSign("X-Amz-Target");
    }
    String token = presigned ? value(query, "X-Amz-Security-Token") : request.header("X-Amz-Security-Token");
    SigningKeys.KnownKey key = (token == null ? keys.find(scope[0]) : keys.findSession(scope[0], token))
        .orElseThrow(SignatureErrors::unrecognizedClient);
    if (token != null && key.expiredAt(clock.instant())) {
      throw SignatureErrors.expiredToken();
    }
    String excluded = presigned ? "X-Amz-Signature" : null;
    byte[] canonicalHash = CanonicalRequest.sha256(request, signed, parts.signedHeaderList(), excluded);
    byte[] expected = SigningKeys.hmac(key.signingKey(scope[1], scope[2], service),
        stringToSign(amzDate, parts.credential(), canonicalHash));
    if (!hexEquals(expected, parts.signature(), parts.signatureStart(), parts.signatureEnd())) {
      if (parts.reused()) {
        return verify(request, false);
      }
      String canonical = CanonicalRequest.text(request, signed, parts.signedHeaderList(), excluded);
      throw SignatureErrors.mismatch(canonical, stringToSign(amzDate, parts.credential(), canonicalHash).text());
    }
    return key.principal();
  }

  /**
   * SigV4's string to sign, in the thread's {@link Utf8Buffer}: the algorithm, the date, the credential scope (the
   * credential without its access key id) and the canonical request's hash, a line each.
   */
  static Utf8Buffer stringToSign(String amzDate, String credential, byte[] canonicalHash) {
    SigningPrefix prefix = lastPrefix;
    if (prefix == null || !prefix.amzDate().equals(amzDate) || !prefix.credential().equals(credential)) {
      prefix = new SigningPrefix(amzDate, credential, (ALGORITHM + '\n' + amzDate + '\n'
          + credential.substring(credential.indexOf('/') + 1) + '\n').getBytes(StandardCharsets.UTF_8));
      lastPrefix = prefix;
    }
    return Utf8Buffer.cleared().append(prefix.utf8()).appendHex(canonicalHash);
  }

  /** The string to sign's first three lines as UTF-8, for a date and credential. */
  private record SigningPrefix(String amzDate, String credential, byte[] utf8) {}

  /**
   * The last lines made, shared by the event loops: a client's requests within a second share them, and their date
   * and credential are then the very strings kept with the last date and header read, compared at once.
   */
  private static volatile @Nullable SigningPrefix lastPrefix;

  /** A request's date, the instant it names, and the same in {@code X-Amz-Date}'s form. */
  private record SignedDate(String text, Instant instant, String amzDate) {}

  /** The date last read, shared by the event loops: a client's requests within a second all carry the same. */
  private static volatile @Nullable SignedDate lastDate;

  private static SignedDate signedDate(String date) {
    SignedDate last = lastDate;
    if (last != null && last.text().equals(date)) {
      return last;
    }
    Instant instant = parseDate(date);
    SignedDate read = new SignedDate(date, instant, isBasicFormat(date) ? date : AMZ_DATE.format(instant));
    lastDate = read;
    return read;
  }

  /**
   * The last Authorization header parsed whose signature ends it, as the SDKs write it, and its parts. A client's
   * requests differ there only, so a header as long as it that matches it up to the signature is taken to have the
   * same parts and another signature, and is not parsed again. That holds when what follows is a signature (no
   * separator, no space); it is not checked here, since a signature that matches is all lower-case hex digits, and
   * one that does not is verified again from the parsed header.
   */
  private record ReadHeader(String authorization, int signatureStart, String credential, String signedHeaderList,
      List<String> signedHeaders) {

    /** Whether {@code other} is this header up to the signature, and as long. */
    boolean resignedAs(String other) {
      return other.length() == authorization.length() && other.regionMatches(0, authorization, 0, signatureStart);
    }
  }

  /** The last header parsed, shared by the event loops like the last credential. */
  private static volatile @Nullable ReadHeader lastHeader;

  private static Parts fromHeader(SignedRequest request, @Nullable String authorization, boolean reuse) {
    if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
      throw SignatureErrors.missingToken();
    }
    String amzDate = request.header("X-Amz-Date");
    String date = amzDate != null ? amzDate : request.header("Date");
    ReadHeader last = lastHeader;
    Parts parts;
    if (reuse && date != null && last != null && last.resignedAs(authorization)) {
      parts = new Parts(last.credential(), last.signedHeaderList(), last.signedHeaders(), authorization,
          last.signatureStart(), authorization.length(), date, null, true);
    } else {
      parts = parse(authorization, date);
    }
    if (amzDate != null && !parts.signedHeaders().contains("x-amz-date")) {
      throw SignatureErrors.mustSign("X-Amz-Date");
    }
    return parts;
  }

  /** The Authorization header's parts, each parameter's last value; kept as {@link #lastHeader} when it can be. */
  private static Parts parse(String authorization, @Nullable String date) {
    String credential = null;
    String signedHeaders = null;
    boolean signed = false;
    int signatureStart = -1;
    int signatureEnd = -1;
    // The parameters between commas, each trimmed, as NAME=VALUE; others are ignored.
    int end = ALGORITHM.length();
    while (end < authorization.length()) {
      int start = end + 1;
      end = authorization.indexOf(',', start);
      if (end < 0) {
        end = authorization.length();
      }
      int from = start;
      int to = end;
      while (from < to && authorization.charAt(from) <= ' ') {
        from++;
      }
      while (to > from && authorization.charAt(to - 1) <= ' ') {
        to--;
      }
      int equals = authorization.indexOf('=', from);
      if (equals < 0 || equals >= to) {
        continue;
      }
      if (named(authorization, from, equals, "Credential")) {
        credential = authorization.substring(equals + 1, to);
      } else if (named(authorization, from, equals, "SignedHeaders")) {
        signedHeaders = authorization.substring(equals + 1, to);
      } else if (named(authorization, from, equals, "Signature")) {
        signed = true;
        signatureStart = equals + 1;
        signatureEnd = to;
      }
    }
    if (credential == null || !signed || signedHeaders == null || date == null) {
      List<String> missing = new ArrayList<>();
      if (credential == null) {
        missing.add("Credential");
      }
      if (!signed) {
        missing.add("Signature");
      }
      if (signedHeaders == null) {
        missing.add("SignedHeaders");
      }
      throw SignatureErrors.incompleteHeader(missing, date == null, authorization);
    }
    Parts parts = new Parts(credential, signedHeaders, authorization, signatureStart, signatureEnd, date, null);
    if (signatureEnd == authorization.length()) {
      lastHeader = new ReadHeader(authorization, signatureStart, credential, signedHeaders, parts.signedHeaders());
    }
    return parts;
  }

  /** Whether {@code text} from {@code start} to {@code end} is {@code name}. */
  private static boolean named(String text, int start, int end, String name) {
    return end - start == name.length() && text.startsWith(name, start);
  }

  /**
   * Whether {@code text} from {@code start} to {@code end} is {@code expected} in lower-case hex, compared in time
   * independent of where they differ, as {@link MessageDigest#isEqual} compares.
   */
  private static boolean hexEquals(byte[] expected, String text, int start, int end) {
    int differences = (end - start) ^ expected.length * 2;
    int bytes = Math.min(end - start, expected.length * 2) / 2;
    for (int i = 0; i < bytes; i++) {
      int b = expected[i];
      differences |= text.charAt(start + 2 * i) ^ LOWER_HEX.charAt((b >> 4) & 0xf);
      differences |= text.charAt(start + 2 * i + 1) ^ LOWER_HEX.charAt(b & 0xf);
    }
    return differences == 0;
  }

  private static Parts fromQuery(List<Map.Entry<String, String>> query) {
    String algorithm = value(query, "X-Amz-Algorithm");
    String credential = value(query, "X-Amz-Credential");
    String signature = value(query, "X-Amz-Signature");
    String signedHeaders = value(query, "X-Amz-SignedHeaders");
    String date = value(query, "X-Amz-Date");
    String expires = value(query, "X-Amz-Expires");
    List<String> missing = new ArrayList<>();
    if (algorithm == null || algorithm.isEmpty()) {
      missing.add("X-Amz-Algorithm");
    }
    if (credential == null) {
      missing.add("X-Amz-Credential");
    }
    if (signature == null) {
      missing.add("X-Amz-Signature");
    }
    if (signedHeaders == null) {
      missing.add("X-Amz-SignedHeaders");
    }
    if (date == null) {
      missing.add("X-Amz-Date");
    }
    if (!missing.isEmpty() || credential == null || signature == null || signedHeaders == null || date == null) {
      throw SignatureErrors.incompleteQuery(missing);
    }
    if (!ALGORITHM.equals(algorithm)) {
      throw SignatureErrors.missingToken();
    }
    Duration lifetime = null;
    if (expires != null) {
      try {
        lifetime = Duration.ofSeconds(Long.parseLong(expires));
      } catch (NumberFormatException e) {
        throw SignatureErrors.incompleteQuery(List.of("X-Amz-Expires"));
      }
    }
    return new Parts(credential, signedHeaders, signature, 0, signature.length(), date, lifetime);
  }

  private static @Nullable String value(List<Map.Entry<String, String>> query, String name) {
    for (Map.Entry<String, String> parameter : query) {
      if (parameter.getKey().equals(name)) {
        return parameter.getValue();
      }
    }
    return null;
  }

  /** An {@code X-Amz-Date} (ISO 8601 basic format) or an HTTP {@code Date} (RFC 1123). */
  private static Instant parseDate(String date) {
    if (isBasicFormat(date)) {
      try {
        return LocalDateTime.of(digits(date, 0, 4), digits(date, 4, 2), digits(date, 6, 2), digits(date, 9, 2),
            digits(date, 11, 2), digits(date, 13, 2)).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        // Out of range (a 30 February): the formatter below resolves or refuses it as it always has.
      }
    }
    try {
      return date.length() == 16 ? AMZ_DATE.parse(date, Instant::from)
          : ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw SignatureErrors.badDate(date);
    }
  }

  /**
   * Whether {@code date} has the shape of {@code yyyyMMdd'T'HHmmss'Z'}: then it is read digit by digit, since every
   * signed request carries one and the formatter cost a measurable part of verifying.
   */
  private static boolean isBasicFormat(String date) {
    if (date.length() != 16 || date.charAt(8) != 'T' || date.charAt(15) != 'Z') {
      return false;
    }
    for (int i = 0; i < 15; i++) {
      char c = date.charAt(i);
      if (i != 8 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /**
   * Within 15 minutes of now either way; a presigned request from its date until its lifetime ends (and not dated
   * more than 15 minutes ahead).
   */
  private void checkTime(Instant signedAt, @Nullable Duration lifetime) {
    if (lifetime == null) {
      // Every request signed in its header passes here: compared as milliseconds first, without the Instants that
      // only the errors' messages need.
      long now = clock.millis();
      long signed = signedAt.toEpochMilli();
      if (signed >= now - SKEW.toMillis() && signed <= now + SKEW.toMillis()) {
        return;
      }
    }
    Instant now = clock.instant();
    if (lifetime == null && signedAt.isBefore(now.minus(SKEW))) {
      throw SignatureErrors.expired(AMZ_DATE.format(signedAt), AMZ_DATE.format(now.minus(SKEW)),
          AMZ_DATE.format(now), "15 min");
    }
    if (lifetime != null && signedAt.isBefore(now.minus(lifetime))) {
      throw SignatureErrors.expired(AMZ_DATE.format(signedAt), AMZ_DATE.format(now.minus(lifetime)),
          AMZ_DATE.format(now), lifetime.toSeconds() + " sec");
    }
    if (signedAt.isAfter(now.plus(SKEW))) {
      throw SignatureErrors.notYetCurrent(AMZ_DATE.format(signedAt), AMZ_DATE.format(now.plus(SKEW)),
          AMZ_DATE.format(now), "15 min");
    }
  }
}
