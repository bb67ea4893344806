package io.shaledb.core.keys;

import io.shaledb.core.model.AttributeType;
import java.io.IOException;

/**
 * Receives a stored item's content in order, straight from its stored bytes ({@link ItemCodec#visit}), so a reader
 * that only passes an item on (a response writer) never builds the model. Byte ranges point into the stored array
 * and are valid only during the call.
 *
 * <p>The events: the item is a map; a map is {@link #beginMap}, then per attribute {@link #name} and a value, then
 * {@link #endMap}. A value is {@link #beginValue} with its type, its content, then {@link #endValue}. S and N content
 * is one {@link #text} (N in its canonical form), B one {@link #binary}; sets and lists are {@link #beginArray}, their
 * elements (texts, binaries or values), {@link #endArray}; M content is a map; NULL and BOOL content is one
 * {@link #bool} (true for NULL). Visitors that write (a response) may throw {@link IOException}.
 */
public interface StoredItemVisitor {
  void beginMap(int size) throws IOException;

  /** An attribute or map key name, as UTF-8. */
  void name(byte[] utf8, int offset, int length) throws IOException;

  void endMap() throws IOException;

  void beginValue(AttributeType type) throws IOException;

  void endValue() throws IOException;

  void text(byte[] utf8, int offset, int length) throws IOException;

  void binary(byte[] bytes, int offset, int length) throws IOException;

  void beginArray(int size) throws IOException;

  void endArray() throws IOException;

  void bool(boolean value) throws IOException;
}
