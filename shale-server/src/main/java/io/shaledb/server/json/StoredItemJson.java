package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.StoredItemVisitor;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.op.PageItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a stored item as DynamoDB's JSON straight from its stored bytes: strings and numbers go out as the UTF-8
 * they are stored in, so a Query or Scan that returns whole items never decodes them into the model. The output is
 * the same as {@link AttributeValueWriter#writeMap} writes for the decoded item.
 */
public final class StoredItemJson implements StoredItemVisitor {
  private static final SerializableString[] TYPE_NAMES = Arrays.stream(AttributeType.values())
      .map(type -> new SerializedString(type.name()))
      .toArray(SerializableString[]::new);

  private final JsonGenerator g;
  /**
   * The names met so far in the current item, by position: the items of a page mostly share a layout, so a name is
   * usually found at its position and written without being decoded again.
   */
  private final List<KnownName> names = new ArrayList<>();
  private int namePosition;

  private StoredItemJson(JsonGenerator g) {
    this.g = g;
  }

  /** A writer for the stored items of one response. */
  public static StoredItemJson to(JsonGenerator g) {
    return new StoredItemJson(g);
  }

  public void write(byte[] stored) throws IOException {
    namePosition = 0;
    ItemCodec.visit(stored, this);
  }

  /** Writes a read's item: from its stored bytes when it has them, else from the model. */
  public void write(PageItem item) throws IOException {
    switch (item) {
      case PageItem.Stored stored -> write(stored.bytes());
      case PageItem.Decoded decoded -> AttributeValueWriter.writeMap(g, decoded.attributes());
    }
  }

  @Override
  public void beginMap(int size) throws IOException {
    g.writeStartObject();
  }

  @Override
  public void name(byte[] utf8, int offset, int length) throws IOException {
    int position = namePosition++;
    if (position < names.size()) {
      KnownName known = names.get(position);
      if (sameBytes(known.utf8, utf8, offset, length)) {
        g.writeFieldName(known.quoted());
        return;
      }
    }
    KnownName name = new KnownName(Arrays.copyOfRange(utf8, offset, offset + length));
    if (position < names.size()) {
      names.set(position, name);
    } else {
      names.add(name);
    }
    g.writeFieldName(name.text);
  }

  /**
   * A name with its text, and its quoted UTF-8 form once it repeats: quoting costs two arrays per name, which a
   * GetItem's single item would pay for nothing.
   */
  private static final class KnownName {
    final byte[] utf8;
    final String text;
    private @Nullable SerializedString quoted;

    KnownName(byte[] utf8) {
      this.utf8 = utf8;
      this.text = new String(utf8, StandardCharsets.UTF_8);
    }

    SerializedString quoted() {
      if (quoted == null) {
        quoted = new SerializedString(text);
      }
      return quoted;
    }
  }

  /** Attribute names are short: a plain loop beats {@code Arrays.equals}, whose vectorised compare pays a setup. */
  private static boolean sameBytes(byte[] known, byte[] utf8, int offset, int length) {
    if (known.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known[i] != utf8[offset + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void endMap() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void beginValue(AttributeType type) throws IOException {
    g.writeStartObject();
    g.writeFieldName(TYPE_NAMES[type.ordinal()]);
  }

  @Override
  public void endValue() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void text(byte[] utf8, int offset, int length) throws IOException {
    if (JsonEscapes.needed(utf8, offset, length)) {
      g.writeUTF8String(utf8, offset, length);
    } else {
      g.writeRawUTF8String(utf8, offset, length);
    }
  }

  @Override
  public void binary(byte[] bytes, int offset, int length) throws IOException {
    g.writeBinary(bytes, offset, length);
  }

  @Override
  public void beginArray(int size) throws IOException {
    g.writeStartArray();
  }

  @Override
  public void endArray() throws IOException {
    g.writeEndArray();
  }

  @Override
  public void bool(boolean value) throws IOException {
    g.writeBoolean(value);
  }
}
