package io.shaledb.server.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.TableMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes the calls of verified users with their identity policies and the resource policies of the tables they
 * address. Callers that are not verified users (authentication off, the database itself) are not checked.
 *
 * <p>Policies are parsed once: users' policies whenever the principal store changes (all of them, into an
 * immutable map swapped in whole), tables' resource policies on first use, kept by document text in a bounded
 * cache so that a replaced policy is parsed again and a deleted table's is evicted in time. A call's check then costs
 * a map lookup per policy and the matching of its statements.
 */
public final class PolicyAuthorizer implements AccessControl {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthorizer.class);
  private static final int MAX_RESOURCE_POLICIES = 10_000;

  /** A user's policies, parsed, and the condition keys its tags set. */
  private record CompiledUser(List<PolicyDocument> policies, Map<String, String> tags) {}

  /** A user the last compilation did not see (created since): no policy, so nothing is allowed. */
  private static final CompiledUser NO_POLICIES = new CompiledUser(List.of(), Map.of());

  private final Database db;
  private final CallAccess calls;
  /** By document text; empty for a document that cannot be read, which allows nothing. */
  private final Cache<String, Optional<PolicyDocument>> resourcePolicies =
      Caffeine.newBuilder().maximumSize(MAX_RESOURCE_POLICIES).build();
  private volatile Map<String, CompiledUser> users;

  public PolicyAuthorizer(Database db, UserDirectory directory) {
    this.db = db;
    this.calls = new CallAccess(db);
    this.users = compile(directory.access());
    directory.onChange(() -> users = compile(directory.access()));
  }

  @Override
  public void authorize(String operation, @Nullable Object input, RequestContext context,
      @Nullable String sourceIp) {
    Principal principal = context.principal();
    String userName = principal.userName();
    String arn = principal.arn();
    if (userName == null || arn == null) {
      return;
    }
    String account = Objects.requireNonNullElse(principal.accountId(), Database.ACCOUNT_ID);
    CompiledUser user = users.getOrDefault(userName, NO_POLICIES);
    Caller caller = new Caller(arn, account);
    RequestFacts global = global(userName, arn, account, user, context.clock().instant(), sourceIp);
    for (CallAccess.Check check : calls.of(operation, input)) {
      AccessRequest request = new AccessRequest(caller, check.action(), check.resource(),
          global.with(check.facts()));
      Decision decision = PolicyEvaluator.decide(request, user.policies(), resourcePolicy(check.resource()));
      if (decision != Decision.ALLOWED) {
        throw denied(request, decision);
      }
    }
  }

  /** The global condition keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). */
  private static RequestFacts global(String userName, String arn, String account, CompiledUser user, Instant now,
      @Nullable String sourceIp) {
    RequestFacts facts = new RequestFacts()
        .put("aws:username", userName)
        .put("aws:PrincipalArn", arn)
        .put("aws:PrincipalAccount", account)
        .put("aws:PrincipalType", "User")
        .put("aws:CurrentTime", now.toString())
        .put("aws:EpochTime", Long.toString(now.getEpochSecond()))
        .put("aws:SecureTransport", "false");
    if (sourceIp != null) {
      facts.put("aws:SourceIp", sourceIp);
    }
    user.tags().forEach((key, value) -> facts.put("aws:PrincipalTag/" + key, value));
    return facts;
  }

  /** The resource policy of the table {@code resource} is or belongs to, or null. */
  private @Nullable PolicyDocument resourcePolicy(String resource) {
    int table = resource.indexOf(":table/");
    if (table < 0) {
      return null;
    }
    int start = table + ":table/".length();
    int end = resource.indexOf('/', start);
    TableMetadata metadata = db.catalog().find(end < 0 ? resource.substring(start) : resource.substring(start, end))
        .orElse(null);
    ResourcePolicy policy = metadata == null ? null : metadata.options().resourcePolicy().orElse(null);
    if (policy == null) {
      return null;
    }
    return resourcePolicies.get(policy.document(), PolicyAuthorizer::parseResourcePolicy).orElse(null);
  }

  private static Optional<PolicyDocument> parseResourcePolicy(String document) {
    try {
      return Optional.of(PolicyParser.parse(document, PolicyParser.Kind.RESOURCE));
    } catch (IllegalArgumentException e) {
      LOG.warn("a table's resource policy cannot be read, so it allows nothing: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static Map<String, CompiledUser> compile(Map<String, UserAccess> access) {
    Map<String, CompiledUser> compiled = new HashMap<>();
    access.forEach((name, user) -> {
      List<PolicyDocument> policies = new ArrayList<>();
      user.policies().forEach((policyName, document) -> {
        try {
          policies.add(PolicyParser.parse(document, PolicyParser.Kind.IDENTITY));
        } catch (IllegalArgumentException e) {
          LOG.warn("policy {} of user {} cannot be read, so it allows nothing: {}", policyName, name,
              e.getMessage());
        }
      });
      compiled.put(name, new CompiledUser(policies, user.tags()));
    });
    return Map.copyOf(compiled);
  }

  /**
   * AccessDeniedException in DynamoDB's words, which are IAM's
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
   */
  static DynamoException denied(AccessRequest request, Decision decision) {
    String start = "User: " + request.caller().arn() + " is not authorized to perform: " + request.action()
        + " on resource: " + request.resource();
    String reason = switch (decision) {
      case NOT_ALLOWED -> " because no identity-based policy allows the " + request.action() + " action";
      case DENIED_BY_IDENTITY_POLICY -> " with an explicit deny in an identity-based policy";
      case DENIED_BY_RESOURCE_POLICY -> " with an explicit deny in a resource-based policy";
      case ALLOWED -> throw new IllegalArgumentException("an allowed request is not denied");
    };
    return new DynamoException(ErrorCode.ACCESS_DENIED, start + reason);
  }
}
