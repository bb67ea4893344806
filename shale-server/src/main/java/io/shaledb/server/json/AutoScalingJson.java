package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.ScalingActivity;
import io.shaledb.core.autoscaling.TargetTrackingPolicy;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.autoscaling.DescribeInput;
import io.shaledb.core.op.autoscaling.DescribeScalingActivities;
import io.shaledb.core.op.autoscaling.DescribeScalingPolicies;
import io.shaledb.core.op.autoscaling.Page;
import io.shaledb.core.op.autoscaling.PutScalingPolicyInput;
import io.shaledb.core.op.autoscaling.PutScalingPolicyInput.PredefinedMetric;
import io.shaledb.core.op.autoscaling.PutScalingPolicyInput.TargetTracking;
import io.shaledb.core.op.autoscaling.RegisterScalableTargetInput;
import io.shaledb.core.op.autoscaling.RegisterScalableTargetInput.Suspended;
import io.shaledb.core.op.autoscaling.TargetKeyInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Requests and responses of the Application Auto Scaling operations (JSON 1.1, the same shapes as DynamoDB's JSON
 * 1.0): member names as the service model spells them, timestamps in epoch seconds.
 */
public final class AutoScalingJson {
  private AutoScalingJson() {}

  public static RegisterScalableTargetInput readRegisterScalableTarget(JsonInput in) throws IOException {
    String namespace = null;
    String resourceId = null;
    String dimension = null;
    Long min = null;
    Long max = null;
    String role = null;
    Suspended suspended = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ServiceNamespace" -> namespace = in.readString();
        case "ResourceId" -> resourceId = in.readString();
        case "ScalableDimension" -> dimension = in.readString();
        case "MinCapacity" -> min = in.readLong();
        case "MaxCapacity" -> max = in.readLong();
        case "RoleARN" -> role = in.readString();
        case "SuspendedState" -> suspended = readSuspended(in);
        default -> in.skipValue();
      }
    }
    return new RegisterScalableTargetInput(namespace, resourceId, dimension, min, max, role, suspended);
  }

  private static @Nullable Suspended readSuspended(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Boolean scalingIn = null;
    Boolean scalingOut = null;
    Boolean scheduled = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "DynamicScalingInSuspended" -> scalingIn = in.readBoolean();
        case "DynamicScalingOutSuspended" -> scalingOut = in.readBoolean();
        case "ScheduledScalingSuspended" -> scheduled = in.readBoolean();
        default -> in.skipValue();
      }
    }
    return new Suspended(scalingIn, scalingOut, scheduled);
  }

  /** DeregisterScalableTarget's and DeleteScalingPolicy's request. */
  public static TargetKeyInput readTargetKey(JsonInput in) throws IOException {
    String namespace = null;
    String resourceId = null;
    String dimension = null;
    String policyName = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ServiceNamespace" -> namespace = in.readString();
        case "ResourceId" -> resourceId = in.readString();
        case "ScalableDimension" -> dimension = in.readString();
        case "PolicyName" -> policyName = in.readString();
        default -> in.skipValue();
      }
    }
    return new TargetKeyInput(namespace, resourceId, dimension, policyName);
  }

  public static PutScalingPolicyInput readPutScalingPolicy(JsonInput in) throws IOException {
    String policyName = null;
    String namespace = null;
    String resourceId = null;
    String dimension = null;
    String policyType = null;
    TargetTracking tracking = null;
    boolean stepScaling = false;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "PolicyName" -> policyName = in.readString();
        case "ServiceNamespace" -> namespace = in.readString();
        case "ResourceId" -> resourceId = in.readString();
        case "ScalableDimension" -> dimension = in.readString();
        case "PolicyType" -> policyType = in.readString();
        case "TargetTrackingScalingPolicyConfiguration" -> tracking = readTargetTracking(in);
        case "StepScalingPolicyConfiguration" -> {
          stepScaling = in.isPresent();
          in.skipValue();
        }
        default -> in.skipValue();
      }
    }
    return new PutScalingPolicyInput(policyName, namespace, resourceId, dimension, policyType, tracking,
        stepScaling);
  }

  private static @Nullable TargetTracking readTargetTracking(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Double targetValue = null;
    PredefinedMetric predefined = null;
    boolean customized = false;
    Long scaleOut = null;
    Long scaleIn = null;
    Boolean disableScaleIn = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TargetValue" -> targetValue = in.readDouble();
        case "PredefinedMetricSpecification" -> predefined = readPredefinedMetric(in);
        case "CustomizedMetricSpecification" -> {
          customized = in.isPresent();
          in.skipValue();
        }
        case "ScaleOutCooldown" -> scaleOut = in.readLong();
        case "ScaleInCooldown" -> scaleIn = in.readLong();
        case "DisableScaleIn" -> disableScaleIn = in.readBoolean();
        default -> in.skipValue();
      }
    }
    return new TargetTracking(targetValue, predefined, customized, scaleOut, scaleIn, disableScaleIn);
  }

  private static @Nullable PredefinedMetric readPredefinedMetric(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    String type = null;
    String label = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "PredefinedMetricType" -> type = in.readString();
        case "ResourceLabel" -> label = in.readString();
        default -> in.skipValue();
      }
    }
    return new PredefinedMetric(type, label);
  }

  /** The request of the three Describe operations. */
  public static DescribeInput readDescribe(JsonInput in) throws IOException {
    String namespace = null;
    List<String> resourceIds = null;
    String resourceId = null;
    String dimension = null;
    List<String> policyNames = null;
    Long maxResults = null;
    String nextToken = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ServiceNamespace" -> namespace = in.readString();
        case "ResourceIds" -> resourceIds = in.readList(JsonInput::readString);
        case "ResourceId" -> resourceId = in.readString();
        case "ScalableDimension" -> dimension = in.readString();
        case "PolicyNames" -> policyNames = in.readList(JsonInput::readString);
        case "MaxResults" -> maxResults = in.readLong();
        case "NextToken" -> nextToken = in.readString();
        default -> in.skipValue();
      }
    }
    return new DescribeInput(namespace, resourceIds, resourceId, dimension, policyNames, maxResults, nextToken);
  }

  public static void writeRegisterScalableTarget(JsonGenerator g, String arn) throws IOException {
    g.writeStartObject();
    g.writeStringField("ScalableTargetARN", arn);
    g.writeEndObject();
  }

  public static void writePutScalingPolicy(JsonGenerator g, String arn) throws IOException {
    g.writeStartObject();
    g.writeStringField("PolicyARN", arn);
    // ShaleDB has no CloudWatch: the scaler reads consumption itself, and no alarms exist to list.
    g.writeArrayFieldStart("Alarms");
    g.writeEndArray();
    g.writeEndObject();
  }

  public static void writeScalableTargets(JsonGenerator g, Page<ScalableTarget> page, String region)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("ScalableTargets");
    for (ScalableTarget target : page.entries()) {
      g.writeStartObject();
      writeAddress(g, target);
      g.writeNumberField("MinCapacity", target.minCapacity());
      g.writeNumberField("MaxCapacity", target.maxCapacity());
      g.writeStringField("RoleARN", target.roleArn());
      writeTime(g, "CreationTime", target.creationTime());
      g.writeObjectFieldStart("SuspendedState");
      g.writeBooleanField("DynamicScalingInSuspended", target.suspended().dynamicScalingIn());
      g.writeBooleanField("DynamicScalingOutSuspended", target.suspended().dynamicScalingOut());
      g.writeBooleanField("ScheduledScalingSuspended", target.suspended().scheduledScaling());
      g.writeEndObject();
      g.writeStringField("ScalableTargetARN", target.arn(region, Database.ACCOUNT_ID));
      g.writeEndObject();
    }
    g.writeEndArray();
    writeNextToken(g, page);
    g.writeEndObject();
  }

  public static void writeScalingPolicies(JsonGenerator g, Page<DescribeScalingPolicies.Found> page, String region)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("ScalingPolicies");
    for (DescribeScalingPolicies.Found found : page.entries()) {
      TargetTrackingPolicy policy = found.policy();
      g.writeStartObject();
      g.writeStringField("PolicyARN", policy.arn(region, Database.ACCOUNT_ID, found.target().resource()));
      g.writeStringField("PolicyName", policy.name());
      writeAddress(g, found.target());
      g.writeStringField("PolicyType", "TargetTrackingScaling");
      g.writeObjectFieldStart("TargetTrackingScalingPolicyConfiguration");
      g.writeNumberField("TargetValue", policy.targetValue());
      g.writeObjectFieldStart("PredefinedMetricSpecification");
      g.writeStringField("PredefinedMetricType", policy.metric().text());
      if (policy.resourceLabel() != null) {
        g.writeStringField("ResourceLabel", policy.resourceLabel());
      }
      g.writeEndObject();
      if (policy.scaleOutCooldown() != null) {
        g.writeNumberField("ScaleOutCooldown", policy.scaleOutCooldown());
      }
      if (policy.scaleInCooldown() != null) {
        g.writeNumberField("ScaleInCooldown", policy.scaleInCooldown());
      }
      if (policy.disableScaleIn() != null) {
        g.writeBooleanField("DisableScaleIn", policy.disableScaleIn());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("Alarms");
      g.writeEndArray();
      writeTime(g, "CreationTime", policy.creationTime());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeNextToken(g, page);
    g.writeEndObject();
  }

  public static void writeScalingActivities(JsonGenerator g, Page<DescribeScalingActivities.Found> page)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("ScalingActivities");
    for (DescribeScalingActivities.Found found : page.entries()) {
      ScalingActivity activity = found.activity();
      g.writeStartObject();
      g.writeStringField("ActivityId", activity.id());
      writeAddress(g, found.target());
      g.writeStringField("Description", activity.description());
      g.writeStringField("Cause", activity.cause());
      writeTime(g, "StartTime", activity.startTime());
      writeTime(g, "EndTime", activity.endTime());
      g.writeStringField("StatusCode", activity.statusCode());
      g.writeStringField("StatusMessage", activity.statusMessage());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeNextToken(g, page);
    g.writeEndObject();
  }

  private static void writeAddress(JsonGenerator g, ScalableTarget target) throws IOException {
    g.writeStringField("ServiceNamespace", "dynamodb");
    g.writeStringField("ResourceId", target.resource().resourceId());
    g.writeStringField("ScalableDimension", target.dimension().text());
  }

  private static void writeTime(JsonGenerator g, String field, Instant instant) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  private static void writeNextToken(JsonGenerator g, Page<?> page) throws IOException {
    if (page.nextToken() != null) {
      g.writeStringField("NextToken", page.nextToken());
    }
  }
}
