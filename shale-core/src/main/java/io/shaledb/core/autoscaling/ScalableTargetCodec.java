package io.shaledb.core.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget.SuspendedState;
import io.shaledb.core.autoscaling.TargetTrackingPolicy.PredefinedMetric;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The stored form of a {@link ScalableTarget}. It starts with a format version; a new field means a new version. */
final class ScalableTargetCodec {
  private static final int VERSION = 1;

  private ScalableTargetCodec() {}

  static byte[] encode(ScalableTarget target) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(target.resource().table());
      writeNullable(out, target.resource().index());
      out.writeByte(target.dimension().ordinal());
      out.writeUTF(target.id());
      out.writeLong(target.minCapacity());
      out.writeLong(target.maxCapacity());
      out.writeUTF(target.roleArn());
      writeInstant(out, target.creationTime());
      out.writeBoolean(target.suspended().dynamicScalingIn());
      out.writeBoolean(target.suspended().dynamicScalingOut());
      out.writeBoolean(target.suspended().scheduledScaling());
      out.writeInt(target.policies().size());
      for (TargetTrackingPolicy policy : target.policies()) {
        writePolicy(out, policy);
      }
      out.writeInt(target.activities().size());
      for (ScalingActivity activity : target.activities()) {
        writeActivity(out, activity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ScalableTarget decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown scalable target format version " + version);
      }
      ScalingResource resource = new ScalingResource(in.readUTF(), readNullable(in));
      ScalableDimension dimension = ScalableDimension.values()[in.readUnsignedByte()];
      String id = in.readUTF();
      long min = in.readLong();
      long max = in.readLong();
      String role = in.readUTF();
      Instant created = readInstant(in);
      SuspendedState suspended = new SuspendedState(in.readBoolean(), in.readBoolean(), in.readBoolean());
      int policyCount = in.readInt();
      List<TargetTrackingPolicy> policies = new ArrayList<>(policyCount);
      for (int i = 0; i < policyCount; i++) {
        policies.add(readPolicy(in));
      }
      int activityCount = in.readInt();
      List<ScalingActivity> activities = new ArrayList<>(activityCount);
      for (int i = 0; i < activityCount; i++) {
        activities.add(readActivity(in));
      }
      return new ScalableTarget(resource, dimension, id, min, max, role, created, suspended, policies, activities);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePolicy(DataOutputStream out, TargetTrackingPolicy policy) throws IOException {
    out.writeUTF(policy.name());
    out.writeUTF(policy.id());
    out.writeByte(policy.metric().ordinal());
    writeNullable(out, policy.resourceLabel());
    out.writeDouble(policy.targetValue());
    writeNullable(out, policy.scaleOutCooldown());
    writeNullable(out, policy.scaleInCooldown());
    out.writeByte(policy.disableScaleIn() == null ? 0 : policy.disableScaleIn() ? 2 : 1);
    writeInstant(out, policy.creationTime());
  }

  private static TargetTrackingPolicy readPolicy(DataInputStream in) throws IOException {
    String name = in.readUTF();
    String id = in.readUTF();
    PredefinedMetric metric = PredefinedMetric.values()[in.readUnsignedByte()];
    String label = readNullable(in);
    double target = in.readDouble();
    Integer scaleOut = readNullableInt(in);
    Integer scaleIn = readNullableInt(in);
    int disable = in.readUnsignedByte();
    return new TargetTrackingPolicy(name, id, metric, label, target, scaleOut, scaleIn,
        disable == 0 ? null : disable == 2, readInstant(in));
  }

  private static void writeActivity(DataOutputStream out, ScalingActivity activity) throws IOException {
    out.writeUTF(activity.id());
    out.writeUTF(activity.description());
    out.writeUTF(activity.cause());
    writeInstant(out, activity.startTime());
    writeInstant(out, activity.endTime());
    out.writeUTF(activity.statusCode());
    out.writeUTF(activity.statusMessage());
    out.writeByte(activity.direction().ordinal());
  }

  private static ScalingActivity readActivity(DataInputStream in) throws IOException {
    return new ScalingActivity(in.readUTF(), in.readUTF(), in.readUTF(), readInstant(in), readInstant(in),
        in.readUTF(), in.readUTF(), ScalingActivity.Direction.values()[in.readUnsignedByte()]);
  }

  private static void writeNullable(DataOutputStream out, @Nullable String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static @Nullable String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeNullable(DataOutputStream out, @Nullable Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  private static @Nullable Integer readNullableInt(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
