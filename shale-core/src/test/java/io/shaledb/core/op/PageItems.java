package io.shaledb.core.op;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** The attributes of the items reads return, whether still stored or decoded. */
public final class PageItems {
  private PageItems() {}

  /** The item's attributes, or null for no item. */
  public static Map<String, AttributeValue> attributes(PageItem item) {
    return switch (item) {
      case null -> null;
      case PageItem.Stored stored -> ItemCodec.decode(stored.bytes());
      case PageItem.Decoded decoded -> decoded.attributes();
    };
  }

  public static List<Map<String, AttributeValue>> attributes(List<PageItem> items) {
    return items.stream().map(PageItems::attributes).toList();
  }
}
