package io.shaledb.server.auth;

import io.shaledb.server.policy.UserAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored forms of users, their access keys and their policies and tags, each starting with a format version
 * byte. An access key's value holds its secret only sealed ({@link SecretSealer}); a policy is kept as the text it
 * was given, as IAM returns it.
 */
final class PrincipalRecords {
  private static final byte FORMAT = 1;

  private PrincipalRecords() {}

  /** An access key as stored: its listing and its sealed secret. */
  record StoredKey(AccessKey key, byte[] sealedSecret) {}

  static byte[] encode(IamUser user) {
    return write(out -> {
      out.writeUTF(user.accountId());
      out.writeLong(user.created().toEpochMilli());
    });
  }

  static IamUser decodeUser(String name, byte[] value) {
    return read(value, in -> new IamUser(name, in.readUTF(), Instant.ofEpochMilli(in.readLong())));
  }

  static byte[] encode(AccessKey key, byte[] sealedSecret) {
    return write(out -> {
      out.writeUTF(key.userName());
      out.writeByte(key.status().marker());
      out.writeLong(key.created().toEpochMilli());
      out.writeInt(sealedSecret.length);
      out.write(sealedSecret);
    });
  }

  static StoredKey decodeKey(String id, byte[] value) {
    return read(value, in -> {
      String user = in.readUTF();
      AccessKeyStatus status = AccessKeyStatus.ofMarker(in.readByte());
      Instant created = Instant.ofEpochMilli(in.readLong());
      byte[] sealed = new byte[in.readInt()];
      in.readFully(sealed);
      return new StoredKey(new AccessKey(id, user, status, created), sealed);
    });
  }

  /** A group: its account and creation, its members, then its policies as name and text pairs. */
  static byte[] encode(IamGroup group) {
    return write(out -> {
      out.writeUTF(group.accountId());
      out.writeLong(group.created().toEpochMilli());
      out.writeInt(group.members().size());
      for (String member : group.members()) {
        out.writeUTF(member);
      }
      writeMap(out, group.policies());
    });
  }

  static IamGroup decodeGroup(String name, byte[] value) {
    return read(value, in -> {
      String account = in.readUTF();
      Instant created = Instant.ofEpochMilli(in.readLong());
      int count = in.readInt();
      List<String> members = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        members.add(in.readUTF());
      }
      return new IamGroup(name, account, created, members, readMap(in));
    });
  }

  /** A user's policies and tags: counts, then name and text pairs. */
  static byte[] encode(UserAccess access) {
    return write(out -> {
      writeMap(out, access.policies());
      writeMap(out, access.tags());
    });
  }

  static UserAccess decodeAccess(byte[] value) {
    return read(value, in -> new UserAccess(readMap(in), readMap(in)));
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      out.writeUTF(entry.getKey());
      byte[] text = entry.getValue().getBytes(StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      String key = in.readUTF();
      byte[] text = new byte[in.readInt()];
      in.readFully(text);
      map.put(key, new String(text, StandardCharsets.UTF_8));
    }
    return map;
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writer.write(out);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] value, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown principal record format " + format);
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new IllegalStateException("a principal record is damaged", e);
    }
  }
}
