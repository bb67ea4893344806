package io.shaledb.server.auth;

import java.util.Optional;

/** Whether an access key signs requests, as IAM's {@code Active} and {@code Inactive}. Persisted by marker. */
public enum AccessKeyStatus {
  ACTIVE("Active", (byte) 'a'),
  INACTIVE("Inactive", (byte) 'i');

  private final String display;
  private final byte marker;

  AccessKeyStatus(String display, byte marker) {
    this.display = display;
    this.marker = marker;
  }

  /** IAM's spelling. */
  public String display() {
    return display;
  }

  byte marker() {
    return marker;
  }

  /** The status IAM spells {@code display}, if any. */
  public static Optional<AccessKeyStatus> ofDisplay(String display) {
    for (AccessKeyStatus status : values()) {
      if (status.display.equals(display)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  static AccessKeyStatus ofMarker(byte marker) {
    for (AccessKeyStatus status : values()) {
      if (status.marker == marker) {
        return status;
      }
    }
    throw new IllegalStateException("unknown access key status marker " + marker);
  }
}
