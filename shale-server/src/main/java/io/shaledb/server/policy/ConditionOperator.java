package io.shaledb.server.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * IAM's condition operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html),
 * without their {@code IfExists} suffix and set qualifier. Each compiles a policy value into a test of one request
 * value; a negated operator ({@code StringNotEquals}, {@code NotIpAddress}, ...) holds for a request value that none
 * of its policy values' tests accept.
 */
public enum ConditionOperator {
  STRING_EQUALS("StringEquals", false, p -> p::equals),
  STRING_NOT_EQUALS("StringNotEquals", true, p -> p::equals),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, p -> p::equalsIgnoreCase),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, p -> p::equalsIgnoreCase),
  STRING_LIKE("StringLike", false, p -> Wildcard.compile(p, false)::matches),
  STRING_NOT_LIKE("StringNotLike", true, p -> Wildcard.compile(p, false)::matches),
  NUMERIC_EQUALS("NumericEquals", false, p -> numeric(p, c -> c == 0)),
  NUMERIC_NOT_EQUALS("NumericNotEquals", true, p -> numeric(p, c -> c == 0)),
  NUMERIC_LESS_THAN("NumericLessThan", false, p -> numeric(p, c -> c < 0)),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, p -> numeric(p, c -> c <= 0)),
  NUMERIC_GREATER_THAN("NumericGreaterThan", false, p -> numeric(p, c -> c > 0)),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, p -> numeric(p, c -> c >= 0)),
  DATE_EQUALS("DateEquals", false, p -> date(p, c -> c == 0)),
  DATE_NOT_EQUALS("DateNotEquals", true, p -> date(p, c -> c == 0)),
  DATE_LESS_THAN("DateLessThan", false, p -> date(p, c -> c < 0)),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, p -> date(p, c -> c <= 0)),
  DATE_GREATER_THAN("DateGreaterThan", false, p -> date(p, c -> c > 0)),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, p -> date(p, c -> c >= 0)),
  BOOL("Bool", false, p -> p::equalsIgnoreCase),
  BINARY_EQUALS("BinaryEquals", false, ConditionOperator::binary),
  IP_ADDRESS("IpAddress", false, ConditionOperator::network),
  NOT_IP_ADDRESS("NotIpAddress", true, ConditionOperator::network),
  ARN_EQUALS("ArnEquals", false, p -> Wildcard.compile(p, false)::matches),
  ARN_LIKE("ArnLike", false, p -> Wildcard.compile(p, false)::matches),
  ARN_NOT_EQUALS("ArnNotEquals", true, p -> Wildcard.compile(p, false)::matches),
  ARN_NOT_LIKE("ArnNotLike", true, p -> Wildcard.compile(p, false)::matches),
  /** {@code Null}: "true" holds when the key is absent from the request, "false" when it is present. */
  NULL("Null", false, p -> r -> true);

  /** A literal IPv4 or IPv6 address: only these are parsed, so that no policy value is ever looked up in DNS. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

  private final String policyName;
  private final boolean negated;
  private final Compiler compiler;

  @FunctionalInterface
  private interface Compiler {
    Predicate<String> compile(String policyValue);
  }

  @FunctionalInterface
  private interface Comparison {
    boolean holds(int requestComparedToPolicy);
  }

  ConditionOperator(String policyName, boolean negated, Compiler compiler) {
    this.policyName = policyName;
    this.negated = negated;
    this.compiler = compiler;
  }

  /** The name a policy spells, such as {@code StringLike}. */
  public String policyName() {
    return policyName;
  }

  /** Whether the operator holds for request values that its policy values do not match. */
  public boolean negated() {
    return negated;
  }

  /**
   * A test of request values against {@code policyValue}.
   *
   * @throws IllegalArgumentException a policy value the operator cannot compare with (not a number, date, address)
   */
  Predicate<String> compile(String policyValue) {
    return compiler.compile(policyValue);
  }

  /** The operator a policy names, ignoring case as IAM does. */
  static ConditionOperator named(String name) {
    for (ConditionOperator operator : values()) {
      if (operator.policyName.equalsIgnoreCase(name)) {
        return operator;
      }
    }
    throw new IllegalArgumentException("Invalid Condition type : " + name);
  }

  private static Predicate<String> numeric(String policyValue, Comparison comparison) {
    BigDecimal bound = number(policyValue);
    return request -> {
      try {
        return comparison.holds(number(request).compareTo(bound));
      } catch (IllegalArgumentException notANumber) {
        return false;
      }
    };
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid number: " + text, e);
    }
  }

  private static Predicate<String> date(String policyValue, Comparison comparison) {
    Instant bound = instant(policyValue);
    return request -> {
      try {
        return comparison.holds(instant(request).compareTo(bound));
      } catch (IllegalArgumentException notADate) {
        return false;
      }
    };
  }

  /** IAM's dates: ISO 8601 with or without a time, or seconds since the epoch. */
  static Instant instant(String text) {
    Instant utc = utcInstant(text);
    if (utc != null) {
      return utc;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notADay) {
        try {
          return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException notEpochSeconds) {
          throw new IllegalArgumentException("Invalid date: " + text, notEpochSeconds);
        }
      }
    }
  }

  /**
   * {@code 2026-01-02T03:04:05Z} with up to nine digits of fraction, as {@code aws:CurrentTime} is given on every
   * call, read digit by digit (the general parser cost more than the rest of a date condition); null for any other
   * shape, which the general parser reads.
   */
  private static @Nullable Instant utcInstant(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
        || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
      return null;
    }
    for (int i = 0; i < length - 1; i++) {
      char c = text.charAt(i);
      boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19;
      if (!separator && (c < '0' || c > '9')) {
        return null;
      }
    }
    int nanos = 0;
    for (int i = 20; i < 29; i++) {
      nanos = nanos * 10 + (i < length - 1 ? text.charAt(i) - '0' : 0);
    }
    try {
      return LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
          Integer.parseInt(text, 8, 10, 10), Integer.parseInt(text, 11, 13, 10), Integer.parseInt(text, 14, 16, 10),
          Integer.parseInt(text, 17, 19, 10), nanos).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }


  private static Predicate<String> binary(String policyValue) {
    byte[] expected = Base64.getDecoder().decode(policyValue);
    return request -> {
      try {
        return Arrays.equals(expected, Base64.getDecoder().decode(request));
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
    };
  }

  /** {@code 203.0.113.0/24}, {@code 2001:DB8::/32} or a single address: whether a request's source is inside. */
  private static Predicate<String> network(String policyValue) {
    int slash = policyValue.indexOf('/');
    byte[] network = address(slash < 0 ? policyValue : policyValue.substring(0, slash));
    int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(policyValue.substring(slash + 1));
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("Invalid network: " + policyValue);
    }
    return new Predicate<>() {
      /**
       * The last request address read, with its bytes: a connection's calls carry the same address, and reading it
       * again cost more than the rest of the condition.
       */
      private volatile @Nullable ReadAddress last;

      @Override
      public boolean test(String request) {
        ReadAddress known = last;
        if (known == null || !known.text().equals(request)) {
          try {
            known = new ReadAddress(request, address(request));
          } catch (IllegalArgumentException notAnAddress) {
            return false;
          }
          last = known;
        }
        return inside(known.bytes(), network, prefix);
      }
    };
  }

  private record ReadAddress(String text, byte[] bytes) {}

  private static boolean inside(byte[] candidate, byte[] network, int prefix) {
    if (candidate.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] address(String text) {
    if (!ADDRESS.matcher(text).matches()) {
      throw new IllegalArgumentException("Invalid address: " + text);
    }
    try {
      return InetAddress.getByName(text.toLowerCase(Locale.ROOT)).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Invalid address: " + text, e);
    }
  }
}
