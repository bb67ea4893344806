package io.shaledb.core.autoscaling;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A TargetTrackingScaling policy on a predefined DynamoDB utilization metric: keep consumed capacity at
 * {@code targetValue} percent of the provisioned capacity. Members the request left out stay null, so they are
 * described as they were put.
 *
 * @param id the unique part of the policy's ARN
 * @param scaleOutCooldown seconds after a scale-out before the next one
 * @param scaleInCooldown seconds after a scale-in before the next one
 */
public record TargetTrackingPolicy(
    String name,
    String id,
    PredefinedMetric metric,
    @Nullable String resourceLabel,
    double targetValue,
    @Nullable Integer scaleOutCooldown,
    @Nullable Integer scaleInCooldown,
    @Nullable Boolean disableScaleIn,
    Instant creationTime) {

  /** The predefined metrics of DynamoDB. Persisted by ordinal: never reorder. */
  public enum PredefinedMetric {
    READ_UTILIZATION("DynamoDBReadCapacityUtilization", ScalableDimension.TABLE_READ, ScalableDimension.INDEX_READ),
    WRITE_UTILIZATION("DynamoDBWriteCapacityUtilization", ScalableDimension.TABLE_WRITE,
        ScalableDimension.INDEX_WRITE);

    private final String text;
    private final ScalableDimension table;
    private final ScalableDimension index;

    PredefinedMetric(String text, ScalableDimension table, ScalableDimension index) {
      this.text = text;
      this.table = table;
      this.index = index;
    }

    /** The metric's name on the wire. */
    public String text() {
      return text;
    }

    /** Whether the metric measures the capacity {@code dimension} scales. */
    public boolean measures(ScalableDimension dimension) {
      return dimension == table || dimension == index;
    }

    public static Optional<PredefinedMetric> of(String text) {
      return Arrays.stream(values()).filter(metric -> metric.text.equals(text)).findFirst();
    }
  }

  public boolean scaleInDisabled() {
    return Boolean.TRUE.equals(disableScaleIn);
  }

  /** The policy's ARN, as Application Auto Scaling names policies. */
  public String arn(String region, String account, ScalingResource resource) {
    return "arn:aws:autoscaling:" + region + ":" + account + ":scalingPolicy:" + id + ":resource/dynamodb/"
        + resource.resourceId() + ":policyName/" + name;
  }
}
