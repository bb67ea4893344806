package io.shaledb.server.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The stored forms of users and access keys, each starting with a format version byte. An access key's value holds
 * its secret only sealed ({@link SecretSealer}).
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
