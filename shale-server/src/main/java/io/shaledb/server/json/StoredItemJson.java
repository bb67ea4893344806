package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.StoredItemVisitor;
import io.shaledb.core.model.AttributeType;
import java.io.IOException;

/**
 * Writes a stored item as DynamoDB's JSON straight from its stored bytes: strings and numbers go out as the UTF-8
 * they are stored in, so a Query or Scan that returns whole items never decodes them into the model. The output is
 * the same as {@link AttributeValueWriter#writeMap} writes for the decoded item.
 */
public final class StoredItemJson implements StoredItemVisitor {
  private final JsonGenerator g;

  private StoredItemJson(JsonGenerator g) {
    this.g = g;
  }

  public static void write(JsonGenerator g, byte[] stored) throws IOException {
    ItemCodec.visit(stored, new StoredItemJson(g));
  }

  @Override
  public void beginMap(int size) throws IOException {
    g.writeStartObject();
  }

  @Override
  public void name(String name) throws IOException {
    g.writeFieldName(name);
  }

  @Override
  public void endMap() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void beginValue(AttributeType type) throws IOException {
    g.writeStartObject();
    g.writeFieldName(type.name());
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
