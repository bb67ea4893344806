package io.shaledb.it;

import io.shaledb.it.JsonTree.Arr;
import io.shaledb.it.JsonTree.Member;
import io.shaledb.it.JsonTree.Null;
import io.shaledb.it.JsonTree.Obj;
import io.shaledb.it.JsonTree.Raw;
import io.shaledb.it.JsonTree.Str;
import io.shaledb.it.WireConnection.Header;
import io.shaledb.it.WireConnection.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a valid request into a broken one, deterministically from a {@link Random}: mutations of the JSON tree
 * (type swaps, missing, duplicate and null members, long strings, deep nesting, bad numbers, names and strings that
 * are not valid Unicode, attribute values that break one rule), of the body's bytes (truncation, invalid UTF-8,
 * control characters, other encodings, compression) and of the HTTP head (missing, duplicated and garbage
 * X-Amz-Target, Content-Type, Content-Encoding and Authorization, odd request lines, oversized headers, chunked
 * bodies). One request in twenty is sent unchanged.
 */
final class RequestMutator {
  /** A valid request: its X-Amz-Target and body. */
  record Seed(String target, JsonTree body) {}

  /** A request to send, with what was done to it (for the report of a failure). */
  record Mutated(String target, Request request, List<String> mutations) {}

  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=fuzz/20250101/us-east-1/dynamodb/"
      + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000";
  private static final List<String> ROOTS = List.of("", " ", "null", "[]", "\"x\"", "1", "true", "{}{}", "{",
      "}", "{\"TableName\":\"fuzz\"", "{\"TableName\"}", "{\"TableName\":}", "{,}", "{\"a\":1,}", "[{}]");
  private static final byte[][] INVALID_UTF8 = {{(byte) 0x80}, {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80},
      {(byte) 0xc1, (byte) 0xbf}, {(byte) 0xe0, (byte) 0x80, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xed, (byte) 0xbf, (byte) 0xbf}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}};
  private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
      "application/x-amz-json-1.1", "application/cbor", "", "application/x-amz-json-1.0; charset=latin1", "ÿ");
  private static final List<String> CONTENT_ENCODINGS = List.of("gzip", "deflate", "br", "x-garbage", "identity",
      "gzip, deflate", "aws-chunked", "", "zstd");
  private static final List<String> AUTHORIZATIONS = List.of("", "garbage", "AWS4-HMAC-SHA256",
      "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a", "AWS4-HMAC-SHA256 Credential=////,",
      "Basic Zm9vOmJhcg==", "AWS4-HMAC-SHA256 Credential=" + "x".repeat(6000));
  /** Keeps a grown collection, and so the body, well under the 16 MB a request may have. */
  private static final int MAX_GROWN_BYTES = 2 << 20;
  private static final List<String> REQUEST_LINES = List.of("POST / HTTP/1.0", "PUT / HTTP/1.1",
      "POST /x?y=1 HTTP/1.1", "GET / HTTP/1.1", "OPTIONS * HTTP/1.1", "FOO / HTTP/1.1", "POST http://a/ HTTP/1.1",
      "DELETE / HTTP/1.1", "POST / HTTP/1.2");

  private final List<Seed> seeds;

  RequestMutator(List<Seed> seeds) {
    this.seeds = seeds;
  }

  /** The seed as a client would send it. */
  Request plain(Seed seed) {
    return new Draft(seed, new Random(0)).build().request();
  }

  Mutated mutate(Seed seed, Random random) {
    Draft draft = new Draft(seed, random);
    if (random.nextInt(20) != 0) {
      int count = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
      for (int i = 0; i < count; i++) {
        int category = random.nextInt(10);
        if (category < 6) {
          draft.mutateTree();
        } else if (category < 8) {
          draft.mutateBytes();
        } else {
          draft.mutateHead();
        }
      }
    }
    return draft.build();
  }

  /** A request being mutated. */
  private final class Draft {
    private final Random random;
    private final List<String> mutations = new ArrayList<>();
    private final List<UnaryOperator<byte[]>> byteMutations = new ArrayList<>();
    private final List<Header> headers = new ArrayList<>();
    private final String target;
    private JsonTree body;
    private String requestLine = "POST / HTTP/1.1";
    private boolean chunked;

    Draft(Seed seed, Random random) {
      this.random = random;
      this.target = seed.target();
      this.body = seed.body().deepCopy();
      headers.add(new Header("Host", "127.0.0.1"));
      headers.add(new Header("Content-Type", "application/x-amz-json-1.0"));
      headers.add(new Header("X-Amz-Target", seed.target()));
      headers.add(new Header("X-Amz-Date", "20250101T000000Z"));
      headers.add(new Header("Authorization", AUTHORIZATION));
    }

    Mutated build() {
      byte[] bytes = body.toUtf8();
      for (UnaryOperator<byte[]> mutation : byteMutations) {
        bytes = mutation.apply(bytes);
      }
      return new Mutated(target, new Request(requestLine, headers, bytes, chunked), mutations);
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    void mutateTree() {
      List<Slot> slots = new ArrayList<>();
      Slot.collect(body, slots);
      if (slots.isEmpty() || random.nextInt(30) == 0) {
        String root = pick(ROOTS);
        body = new Raw(root);
        mutations.add("body replaced by '" + root + "'");
        return;
      }
      Slot slot = pick(slots);
      String path = slot.describe();
      switch (random.nextInt(16)) {
        case 0 -> slot.set(FuzzValues.anyValue(random), mutations, "type swap at " + path);
        case 1 -> slot.remove(mutations, "removed " + path);
        case 2 -> slot.duplicate(random.nextBoolean() ? slot.value().deepCopy() : FuzzValues.anyValue(random),
            mutations, "duplicated " + path);
        case 3 -> slot.set(new Null(), mutations, "null at " + path);
        case 4 -> slot.set(new Str(FuzzValues.longString(random)), mutations, "long string at " + path);
        case 5 -> slot.set(FuzzValues.nested(random), mutations, "deep nesting at " + path);
        case 6 -> slot.set(FuzzValues.number(random), mutations, "number at " + path);
        case 7 -> slot.set(FuzzValues.numberString(random), mutations, "number string at " + path);
        case 8, 9 -> slot.set(new Str(FuzzValues.string(random)), mutations, "string at " + path);
        case 10 -> slot.rename(random.nextInt(4) == 0 ? FuzzValues.longString(random) : FuzzValues.string(random),
            mutations, "renamed " + path);
        case 11 -> slot.addMember(new Member(FuzzValues.string(random), FuzzValues.anyValue(random)), mutations,
            "member added beside " + path);
        case 12 -> slot.empty(mutations, "emptied " + path);
        case 13 -> slot.grow(new int[] {26, 101, 1001}[random.nextInt(3)], mutations, "grew " + path);
        case 14 -> slot.set(FuzzValues.badAttributeValue(random), mutations, "bad attribute value at " + path);
        default -> slot.set(new Arr(new ArrayList<>(List.of(slot.value()))), mutations, "wrapped " + path);
      }
    }

    void mutateBytes() {
      switch (random.nextInt(10)) {
        case 0 -> {
          double at = random.nextDouble();
          byteMutations.add(b -> Arrays.copyOf(b, (int) (b.length * at)));
          mutations.add("truncated at " + at);
        }
        case 1, 2 -> {
          byte[] sequence = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
          insert(sequence, "invalid UTF-8 " + HexFormat.of().formatHex(sequence));
        }
        case 3 -> {
          int control = random.nextInt(33);
          insert(new byte[] {(byte) (control == 32 ? 0x7f : control)}, "control byte " + control);
        }
        case 4 -> insert(new byte[] {(byte) "{}[],:\"\\".charAt(random.nextInt(8))}, "punctuation");
        case 5 -> {
          double at = random.nextDouble();
          byte value = (byte) random.nextInt(256);
          byteMutations.add(b -> {
            byte[] copy = b.clone();
            if (copy.length > 0) {
              copy[(int) (copy.length * at)] = value;
            }
            return copy;
          });
          mutations.add("byte at " + at + " set to " + value);
        }
        case 6 -> {
          String charset = pick(List.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"));
          byteMutations.add(b -> new String(b, StandardCharsets.UTF_8).getBytes(Charset.forName(charset)));
          mutations.add("encoded as " + charset);
        }
        case 7 -> {
          byteMutations.add(b -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b));
          mutations.add("byte order mark");
        }
        case 8 -> {
          String garbage = pick(List.of(" x", "}", "{}", "\u0000", ",", " ", "\n\n", "]"));
          byteMutations.add(b -> concat(b, garbage.getBytes(StandardCharsets.UTF_8)));
          mutations.add("trailing '" + garbage + "'");
        }
        default -> {
          boolean gzip = random.nextBoolean();
          byteMutations.add(b -> compress(b, gzip));
          mutations.add(gzip ? "gzipped" : "deflated");
        }
      }
    }

    private void insert(byte[] bytes, String description) {
      double at = random.nextDouble();
      byteMutations.add(b -> {
        int position = (int) (b.length * at);
        return concat(Arrays.copyOf(b, position), bytes,
            Arrays.copyOfRange(b, position, b.length));
      });
      mutations.add(description + " inserted at " + at);
    }

    void mutateHead() {
      switch (random.nextInt(14)) {
        case 0 -> removeHeader("X-Amz-Target");
        case 1 -> setHeader("X-Amz-Target", pick(List.of("", "x", "DynamoDB_20120810.", "DynamoDB_20120810.Nope",
            target.toLowerCase(Locale.ROOT), target.replace("DynamoDB_", "DynamoDBStreams_"),
            target.replace("DynamoDBStreams_", "DynamoDB_"), "DynamoDB_20120810." + "x".repeat(5000),
            pick(seeds).target())));
        case 2 -> addHeader("X-Amz-Target", random.nextBoolean() ? target : pick(seeds).target());
        case 3 -> {
          if (random.nextBoolean()) {
            removeHeader("Content-Type");
          } else {
            setHeader("Content-Type", pick(CONTENT_TYPES));
          }
        }
        case 4, 5 -> {
          String encoding = pick(CONTENT_ENCODINGS);
          addHeader("Content-Encoding", encoding);
          if ((encoding.equals("gzip") || encoding.equals("deflate")) && random.nextBoolean()) {
            boolean gzip = encoding.equals("gzip");
            byteMutations.add(b -> compress(b, gzip));
            mutations.add("body compressed to match");
          }
        }
        case 6 -> {
          if (random.nextBoolean()) {
            removeHeader("Authorization");
          } else {
            setHeader("Authorization", pick(AUTHORIZATIONS));
          }
        }
        case 7 -> addHeader("Expect", random.nextBoolean() ? "100-continue" : "garbage");
        case 8 -> addHeader("Connection", pick(List.of("close", "keep-alive", "upgrade", "x")));
        case 9 -> addHeader("X-Fuzz", "v".repeat(pick(List.of(100, 4000, 9000, 20_000))));
        case 10 -> {
          for (int i = 0; i < 200; i++) {
            headers.add(new Header("X-Fuzz-" + i, "v"));
          }
          mutations.add("200 headers added");
        }
        case 11 -> {
          chunked = true;
          mutations.add("chunked body");
        }
        case 12 -> {
          requestLine = pick(REQUEST_LINES);
          mutations.add("request line '" + requestLine + "'");
        }
        default -> setHeader(pick(List.of("X-Amz-Date", "Host")), pick(List.of("", "garbage", "é")));
      }
    }

    private void removeHeader(String name) {
      headers.removeIf(h -> h.name().equals(name));
      mutations.add("no " + name);
    }

    private void setHeader(String name, String value) {
      headers.removeIf(h -> h.name().equals(name));
      headers.add(new Header(name, value));
      mutations.add(name + " '" + abbreviate(value) + "'");
    }

    private void addHeader(String name, String value) {
      headers.add(new Header(name, value));
      mutations.add("added " + name + " '" + abbreviate(value) + "'");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "... (" + value.length() + " chars)";
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] compress(byte[] bytes, boolean gzip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream compressing = gzip ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      compressing.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Where a value sits in a tree: a member of an object or an element of an array. */
  private record Slot(JsonTree container, int index, String parentPath) {
    static void collect(JsonTree node, List<Slot> slots) {
      collect(node, "", slots);
    }

    private static void collect(JsonTree node, String path, List<Slot> slots) {
      if (node instanceof Obj o) {
        for (int i = 0; i < o.members().size(); i++) {
          Slot slot = new Slot(o, i, path);
          slots.add(slot);
          collect(o.members().get(i).value(), slot.describe(), slots);
        }
      } else if (node instanceof Arr a) {
        for (int i = 0; i < a.elements().size(); i++) {
          Slot slot = new Slot(a, i, path);
          slots.add(slot);
          collect(a.elements().get(i), slot.describe(), slots);
        }
      }
    }

    String describe() {
      return container instanceof Obj o ? parentPath + "." + o.members().get(index).name()
          : parentPath + "[" + index + "]";
    }

    JsonTree value() {
      return container instanceof Obj o ? o.members().get(index).value() : ((Arr) container).elements().get(index);
    }

    void set(JsonTree value, List<String> log, String description) {
      if (container instanceof Obj o) {
        o.members().set(index, new Member(o.members().get(index).name(), value));
      } else {
        ((Arr) container).elements().set(index, value);
      }
      log.add(description);
    }

    void remove(List<String> log, String description) {
      if (container instanceof Obj o) {
        o.members().remove(index);
      } else {
        ((Arr) container).elements().remove(index);
      }
      log.add(description);
    }

    void duplicate(JsonTree value, List<String> log, String description) {
      if (container instanceof Obj o) {
        o.members().add(index + 1, new Member(o.members().get(index).name(), value));
      } else {
        ((Arr) container).elements().add(index + 1, value);
      }
      log.add(description);
    }

    void rename(String name, List<String> log, String description) {
      if (container instanceof Obj o) {
        o.members().set(index, new Member(name, o.members().get(index).value()));
        log.add(description + " to '" + abbreviate(name) + "'");
      } else {
        set(new Str(name), log, "string at " + describe());
      }
    }

    void addMember(Member member, List<String> log, String description) {
      if (container instanceof Obj o) {
        o.members().add(index, member);
        log.add(description + ": '" + abbreviate(member.name()) + "'");
      } else {
        ((Arr) container).elements().add(index, member.value());
        log.add("element added beside " + describe());
      }
    }

    void empty(List<String> log, String description) {
      set(value() instanceof Arr ? new Arr(new ArrayList<>()) : new Obj(new ArrayList<>()), log,
          description);
    }

    /** Repeats an element up to {@code size} times, fewer when that would take the body past a few megabytes. */
    void grow(int wanted, List<String> log, String description) {
      JsonTree value = value();
      JsonTree element = value instanceof Arr a && !a.elements().isEmpty() ? a.elements().get(0) : value;
      int size = Math.max(2, Math.min(wanted, MAX_GROWN_BYTES / Math.max(1, element.toUtf8().length)));
      if (value instanceof Arr a && !a.elements().isEmpty()) {
        JsonTree first = a.elements().get(0);
        while (a.elements().size() < size) {
          a.elements().add(first.deepCopy());
        }
        log.add(description + " to " + size + " elements");
      } else {
        List<JsonTree> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          copies.add(value.deepCopy());
        }
        // Copies, not one shared node: a later mutation inside one must not multiply across all of them.
        set(new Arr(copies), log, description + " into " + size + " copies");
      }
    }
  }
}
