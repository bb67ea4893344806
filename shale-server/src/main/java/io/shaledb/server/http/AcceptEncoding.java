package io.shaledb.server.http;

import org.jspecify.annotations.Nullable;

/**
 * Which coding a response gets from its request's Accept-Encoding, by the rules DynamoDB follows. They were found by
 * ScyllaDB's tests against the service (test/alternator/test_compressed_response.py, test_accept_encoding_header and
 * test_multiple_accept_encoding_headers); each rule below is what one of its cases pins:
 *
 * <ul>
 *   <li>Only the first Accept-Encoding header line counts.
 *   <li>Entries are separated by commas; empty ones are skipped; a coding is compared without case after trimming
 *       white space, and only {@code gzip}, {@code deflate} and {@code *} mean anything ({@code x-gzip} does not).
 *   <li>An entry's quality is in the first of its {@code ;} parameters that contains {@code q=}, wherever in the
 *       parameter ({@code nq=0} counts, {@code q =0} does not), read as a Java decimal (surrounding white space
 *       allowed, {@code 0.} is 0); a value that is no number counts as 1, one above 1 as 1, and a coding at 0 or below
 *       is refused.
 *   <li>Of the named codings, the one with the highest quality wins, the earliest among equals; a coding named more
 *       than once counts at its best quality.
 *   <li>{@code *} gives its quality to gzip and deflate where they are not named, and wins only with a quality
 *       strictly above the best named one (gzip before deflate).
 *   <li>{@code identity} is ignored.
 * </ul>
 */
final class AcceptEncoding {
  private static final String QUALITY = "q=";

  private AcceptEncoding() {}

  /** The coding {@code header} selects, or null for none. */
  static @Nullable ContentCoding select(String header) {
    ContentCoding best = null;
    double bestQuality = 0;
    double anyQuality = 0;
    boolean gzipNamed = false;
    boolean deflateNamed = false;
    for (String entry : header.split(",", -1)) {
      int parameters = entry.indexOf(';');
      String coding = (parameters < 0 ? entry : entry.substring(0, parameters)).trim();
      double quality = parameters < 0 ? 1 : quality(entry.substring(parameters + 1));
      ContentCoding named = null;
      if (coding.equalsIgnoreCase(ContentCoding.GZIP.token())) {
        named = ContentCoding.GZIP;
        gzipNamed = true;
      } else if (coding.equalsIgnoreCase(ContentCoding.DEFLATE.token())) {
        named = ContentCoding.DEFLATE;
        deflateNamed = true;
      } else if (coding.equals("*")) {
        anyQuality = Math.max(anyQuality, quality);
      }
      if (named != null && quality > bestQuality) {
        best = named;
        bestQuality = quality;
      }
    }
    if (!gzipNamed && anyQuality > bestQuality) {
      best = ContentCoding.GZIP;
      bestQuality = anyQuality;
    }
    if (!deflateNamed && anyQuality > bestQuality) {
      best = ContentCoding.DEFLATE;
    }
    return best;
  }

  /** The quality an entry's parameters give it. */
  private static double quality(String parameters) {
    for (String parameter : parameters.split(";", -1)) {
      int at = parameter.indexOf(QUALITY);
      if (at >= 0) {
        try {
          return Math.min(1, Double.parseDouble(parameter.substring(at + QUALITY.length())));
        } catch (NumberFormatException notANumber) {
          return 1;
        }
      }
    }
    return 1;
  }
}
