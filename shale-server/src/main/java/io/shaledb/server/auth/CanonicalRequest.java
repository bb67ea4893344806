package io.shaledb.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SigV4's canonical request, built as the AWS SDKs build it for services other than S3 (AWS's "Create a canonical
 * request for Signature Version 4"): the path with dot segments removed and each segment URI-encoded a second time,
 * the query parameters decoded, encoded again and sorted, each signed header's values trimmed with runs of spaces
 * collapsed and joined with commas, the signed header names, and the payload's SHA-256.
 *
 * <p>Verification only hashes it, so it is written as UTF-8 into the thread's {@link Utf8Buffer} and hashed from
 * there; its text is made only for the error that shows it.
 */
final class CanonicalRequest {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CanonicalRequest() {}

  /**
   * The SHA-256 of the canonical request's UTF-8.
   *
   * @param signedHeaders the lower-case names the client signed, in the order of its SignedHeaders (sorted)
   * @param excludedParameter a query parameter left out ({@code X-Amz-Signature} of a presigned request), or null
   */
  static byte[] sha256(SignedRequest request, List<String> signedHeaders, String signedHeaderList,
      @Nullable String excludedParameter) {
    MessageDigest digest = Sha256.digest();
    write(request, signedHeaders, signedHeaderList, excludedParameter).updateDigest(digest);
    return digest.digest();
  }

  /** The canonical request, as the signature mismatch error shows it; arguments as {@link #sha256}'s. */
  static String text(SignedRequest request, List<String> signedHeaders, String signedHeaderList,
      @Nullable String excludedParameter) {
    return write(request, signedHeaders, signedHeaderList, excludedParameter).text();
  }

  private static Utf8Buffer write(SignedRequest request, List<String> signedHeaders, String signedHeaderList,
      @Nullable String excludedParameter) {
    Utf8Buffer out = Utf8Buffer.cleared();
    out.append(request.method()).append('\n');
    out.append(path(request.rawPath())).append('\n');
    out.append(query(request.rawQuery(), excludedParameter)).append('\n');
    for (String name : signedHeaders) {
      out.append(name).append(':');
      List<String> values = request.headerValues(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendTrimmed(out, values.get(i));
      }
      out.append('\n');
    }
    out.append('\n').append(signedHeaderList).append('\n');
    out.appendHex(request.payloadSha256());
    return out;
  }

  /** The path, normalised (dot segments removed) and each segment encoded again; {@code /} when empty. */
  static String path(String rawPath) {
    if (rawPath.isEmpty() || rawPath.equals("/")) {
      return "/";
    }
    Deque<String> segments = new ArrayDeque<>();
    String[] parts = rawPath.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.equals("..")) {
        segments.pollLast();
      } else if (!part.equals(".")) {
        segments.addLast(part);
      }
    }
    StringBuilder out = new StringBuilder(rawPath.length() + 8);
    for (String segment : segments) {
      out.append('/').append(encode(segment));
    }
    return out.isEmpty() ? "/" : out.toString();
  }

  /** The query's parameters, decoded then encoded as SigV4 says, sorted by name then value. */
  static String query(String rawQuery, @Nullable String excludedParameter) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    for (Map.Entry<String, String> parameter : parameters(rawQuery)) {
      if (!parameter.getKey().equals(excludedParameter)) {
        parameters.add(Map.entry(encode(parameter.getKey()), encode(parameter.getValue())));
      }
    }
    parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    StringBuilder out = new StringBuilder(rawQuery.length() + 16);
    for (Map.Entry<String, String> parameter : parameters) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(parameter.getKey()).append('=').append(parameter.getValue());
    }
    return out.toString();
  }

  /** The query's parameters, percent-decoded, in the order sent; a name without {@code =} has an empty value. */
  static List<Map.Entry<String, String>> parameters(String rawQuery) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      parameters.add(equals < 0 ? Map.entry(decode(pair), "")
          : Map.entry(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1))));
    }
    return parameters;
  }

  /** SigV4's URI encoding: every byte but the unreserved characters as {@code %XY}, upper-case hex. */
  static String encode(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(utf8.length + 8);
    for (byte b : utf8) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** Percent-decoding as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
      if (c == '%' && low >= 0) {
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A header value with leading and trailing spaces removed and each run of spaces inside made one. */
  private static void appendTrimmed(Utf8Buffer out, String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    // Runs of other characters are copied whole, each followed by one space where spaces followed it.
    int run = start;
    while (run < end) {
      int space = run;
      while (space < end && !isSpace(value.charAt(space))) {
        space++;
      }
      out.append(value, run, space);
      if (space == end) {
        return;
      }
      out.append(' ');
      run = space;
      while (run < end && isSpace(value.charAt(run))) {
        run++;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
