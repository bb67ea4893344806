package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableDimension;
import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.autoscaling.ScalingResource;
import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The ServiceNamespace, ResourceId and ScalableDimension that address a scalable target: their declared constraints
 * (the API reference's enum sets and lengths), and what they name, which must be one of DynamoDB's tables or global
 * indexes.
 */
record TargetAddress(ScalingResource resource, ScalableDimension dimension) {
  static final String NAMESPACE = "dynamodb";
  /** The API's ServiceNamespace enum, in the service model's order. */
  static final List<String> NAMESPACES = List.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds",
      "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune",
      "workspaces");
  /** The API's ScalableDimension enum, in the service model's order. */
  static final List<String> DIMENSIONS = List.of("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity",
      "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity",
      "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits",
      "dynamodb:index:WriteCapacityUnits", "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount",
      "custom-resource:ResourceType:Property", "comprehend:document-classifier-endpoint:DesiredInferenceUnits",
      "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency",
      "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits", "kafka:broker-storage:VolumeSize",
      "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups",
      "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount",
      "sagemaker:variant:DesiredProvisionedConcurrency", "sagemaker:inference-component:DesiredCopyCount",
      "workspaces:workspacespool:DesiredUserSessions");
  static final int MAX_RESOURCE_ID = 1600;

  /** The declared constraints of a namespace that is required and, when given, a resource id and dimension. */
  static void checkDeclared(ConstraintViolations v, @Nullable String namespace, @Nullable String resourceId,
      @Nullable String dimension) {
    v.notNull("serviceNamespace", namespace);
    enumValue(v, "serviceNamespace", namespace, NAMESPACES);
    v.length("resourceId", resourceId, 1, MAX_RESOURCE_ID);
    enumValue(v, "scalableDimension", dimension, DIMENSIONS);
  }

  /** As {@link #checkDeclared}, with the resource id and dimension required too. */
  static void checkRequired(ConstraintViolations v, @Nullable String namespace, @Nullable String resourceId,
      @Nullable String dimension) {
    v.notNull("serviceNamespace", namespace);
    enumValue(v, "serviceNamespace", namespace, NAMESPACES);
    v.notNull("resourceId", resourceId);
    v.length("resourceId", resourceId, 1, MAX_RESOURCE_ID);
    v.notNull("scalableDimension", dimension);
    enumValue(v, "scalableDimension", dimension, DIMENSIONS);
  }

  private static void enumValue(ConstraintViolations v, String path, @Nullable String value, List<String> listed) {
    if (value != null && !listed.contains(value)) {
      v.add("'" + value + "'", path, "Member must satisfy enum value set: [" + String.join(", ", listed) + "]");
    }
  }

  /**
   * What a validated address names; other services' namespaces and dimensions, and resource ids of another form or
   * of the wrong kind for the dimension, are refused as the service refuses what it cannot scale.
   */
  static TargetAddress of(@Nullable String validatedNamespace, @Nullable String validatedResourceId,
      @Nullable String validatedDimension) {
    String namespace = Validated.present(validatedNamespace);
    String resourceId = Validated.present(validatedResourceId);
    String dimension = Validated.present(validatedDimension);
    ScalableDimension scaled = ScalableDimension.of(dimension).orElse(null);
    ScalingResource resource = ScalingResource.parse(resourceId).orElse(null);
    if (!namespace.equals(NAMESPACE) || scaled == null || resource == null
        || scaled.index() != (resource.index() != null)) {
      throw DynamoException.validation("Unsupported service namespace, resource type or scalable dimension");
    }
    return new TargetAddress(resource, scaled);
  }

  /**
   * The table the address names, as the change sees it, and the keyspace of the table or index it scales; empty when
   * there is no such table or global index.
   */
  Optional<Resolved> resolve(CatalogTransaction change) {
    return change.table(resource.table()).flatMap(table -> {
      OptionalInt keyspace = ScalableTargets.keyspace(table, resource);
      return keyspace.isPresent() ? Optional.of(new Resolved(table, keyspace.getAsInt())) : Optional.empty();
    });
  }

  /** The target the address names with the keyspace it is stored under, if it is registered. */
  Optional<ScalableTargets.Located> find(CatalogTransaction change) {
    return resolve(change).flatMap(resolved -> ScalableTargets.find(change.storage(), resolved.keyspace(), dimension)
        .map(target -> new ScalableTargets.Located(resolved.keyspace(), target)));
  }

  /** The target the address names with the keyspace it is stored under, or the service's ObjectNotFoundException. */
  ScalableTargets.Located target(CatalogTransaction change) {
    return find(change).orElseThrow(this::notRegistered);
  }

  /** The words of the service's ObjectNotFoundException, as captured for RDS (the API is the same for every service). */
  DynamoException notRegistered() {
    return new DynamoException(ErrorCode.OBJECT_NOT_FOUND, "No scalable target registered for service namespace: "
        + NAMESPACE + ", resource ID: " + resource.resourceId() + ", scalable dimension: " + dimension.text());
  }

  /** The table an address names and the keyspace its target is stored under. */
  record Resolved(TableMetadata table, int keyspace) {}
}
