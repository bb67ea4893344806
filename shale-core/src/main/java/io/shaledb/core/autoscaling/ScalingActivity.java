package io.shaledb.core.autoscaling;

import java.time.Instant;

/**
 * One change the scaler made to a target's capacity, as DescribeScalingActivities reports it. The scaler calls
 * UpdateTable and records the outcome at once, so an activity starts and ends at the same instant.
 *
 * @param statusCode Successful or Failed
 */
public record ScalingActivity(
    String id,
    String description,
    String cause,
    Instant startTime,
    Instant endTime,
    String statusCode,
    String statusMessage,
    Direction direction) {

  /** Whether the activity raised or lowered the capacity, for the cooldowns. */
  public enum Direction {
    OUT,
    IN
  }
}
