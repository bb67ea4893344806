package io.shaledb.core.schema;

/**
 * What a stream's records hold. Declared in the order DynamoDB lists the set in its messages; persisted by name.
 */
public enum StreamViewType {
  NEW_IMAGE,
  OLD_IMAGE,
  NEW_AND_OLD_IMAGES,
  KEYS_ONLY;

  public boolean hasNewImage() {
    return this == NEW_IMAGE || this == NEW_AND_OLD_IMAGES;
  }

  public boolean hasOldImage() {
    return this == OLD_IMAGE || this == NEW_AND_OLD_IMAGES;
  }
}
