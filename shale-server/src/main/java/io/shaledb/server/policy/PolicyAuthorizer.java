package io.shaledb.server.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.partiql.BatchExecuteStatementInput;
import io.shaledb.core.op.partiql.BatchStatementRequest;
import io.shaledb.core.schema.ResourcePolicy;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.stream.StreamDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
  private static final String STREAM = "/stream/";

  /**
   * A user's policies, parsed, and its tags; with the condition keys that say who it is ({@code aws:username},
   * {@code aws:PrincipalTag/...}), made at its first call and kept, since they are the same on every call.
   */
  private static final class CompiledUser {
    private final List<PolicyDocument> policies;
    /** Whether any statement of the policies has a condition, which reads the call's condition keys. */
    private final boolean conditional;
    private final Map<String, String> tags;
    private volatile @Nullable Identity identity;

    CompiledUser(List<PolicyDocument> policies, Map<String, String> tags) {
      this.policies = policies;
      this.conditional = policies.stream().anyMatch(PolicyDocument::hasConditions);
      this.tags = tags;
    }

    List<PolicyDocument> policies() {
      return policies;
    }

    /** The keys naming the user {@code userName} of {@code account}, with ARN {@code arn}. */
    RequestFacts identityFacts(String userName, String arn, String account) {
      Identity known = identity;
      if (known == null || !known.arn().equals(arn) || !known.account().equals(account)) {
        RequestFacts facts = new RequestFacts()
            .put("aws:username", userName)
            .put("aws:PrincipalArn", arn)
            .put("aws:PrincipalAccount", account)
            .put("aws:PrincipalType", "User")
            .put("aws:SecureTransport", "false");
        tags.forEach((key, value) -> facts.put("aws:PrincipalTag/" + key, value));
        known = new Identity(arn, account, facts);
        identity = known;
      }
      return known.facts();
    }
  }

  /** @param facts never changed once made: calls' keys are layered over them ({@link RequestFacts#with}) */
  private record Identity(String arn, String account, RequestFacts facts) {}

  /** A user the last compilation did not see (created since): no policy, so nothing is allowed. */
  private static final CompiledUser NO_POLICIES = new CompiledUser(List.of(), Map.of());

  /** The condition keys of a call checked against policies without conditions, which read none. */
  private static final RequestFacts NO_FACTS = new RequestFacts();

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

  /** A principal and the caller it is decided as. */
  private record Named(Principal principal, Caller caller) {}

  /**
   * The last principal named: a verified key's principal is made once and kept with the key, so comparing it by
   * identity spares building its ARN on every call.
   */
  private volatile @Nullable Named lastNamed;

  @Override
  public void authorize(String operation, @Nullable Object input, RequestContext context,
      @Nullable String sourceIp) {
    Principal principal = context.principal();
    String userName = principal.userName();
    if (userName == null) {
      return;
    }
    Caller caller = caller(principal);
    String arn = caller.arn();
    String account = caller.accountId();
    CompiledUser user = users.getOrDefault(userName, NO_POLICIES);
    RequestFacts global = null;
    for (CallAccess.Check check : calls.of(operation, input)) {
      PolicyDocument resourcePolicy = resourcePolicy(check.resource());
      RequestFacts facts = NO_FACTS;
      // Without a condition in any policy that applies, nothing reads the condition keys, so none are made.
      if (user.conditional || (resourcePolicy != null && resourcePolicy.hasConditions())) {
        if (global == null) {
          global = user.identityFacts(userName, arn, account).with(call(context.clock(), sourceIp));
        }
        facts = global.with(check.facts().get());
      }
      AccessRequest request = new AccessRequest(caller, check.action(), check.resource(), facts);
      Decision decision = PolicyEvaluator.decide(request, user.policies(), resourcePolicy);
      if (decision != Decision.ALLOWED) {
        throw denied(request, decision);
      }
    }
  }

  @SuppressWarnings("ReferenceEquality") // the kept principal itself: comparing by identity costs nothing
  private Caller caller(Principal principal) {
    Named last = lastNamed;
    if (last != null && last.principal() == principal) {
      return last.caller();
    }
    Caller caller = new Caller(Objects.requireNonNull(principal.arn()),
        Objects.requireNonNullElse(principal.accountId(), Database.ACCOUNT_ID));
    lastNamed = new Named(principal, caller);
    return caller;
  }

  /**
   * A BatchExecuteStatement is authorized statement by statement, as DynamoDB answers a statement the caller may not
   * run with an {@code AccessDenied} error in its place while the others run (BatchStatementError's codes, API
   * reference); every other call is authorized whole.
   */
  @Override
  public @Nullable Object admit(String operation, @Nullable Object input, RequestContext context,
      @Nullable String sourceIp) {
    if (!(input instanceof BatchExecuteStatementInput batch) || context.principal().userName() == null
        || batch.statements() == null) {
      authorize(operation, input, context, sourceIp);
      return input;
    }
    List<BatchStatementRequest> admitted = new ArrayList<>(batch.statements().size());
    for (BatchStatementRequest statement : batch.statements()) {
      admitted.add(statement.parametersError() != null ? statement : admitStatement(operation, batch, statement,
          context, sourceIp));
    }
    return new BatchExecuteStatementInput(admitted, batch.returnConsumedCapacity());
  }

  /** One statement of a batch, or the same statement failed in its place with the AccessDeniedException. */
  private BatchStatementRequest admitStatement(String operation, BatchExecuteStatementInput batch,
      BatchStatementRequest statement, RequestContext context, @Nullable String sourceIp) {
    try {
      authorize(operation, new BatchExecuteStatementInput(List.of(statement), batch.returnConsumedCapacity()),
          context, sourceIp);
      return statement;
    } catch (DynamoException denied) {
      return new BatchStatementRequest(statement.statement(), statement.parameters(), denied,
          statement.consistentRead(), statement.returnValuesOnConditionCheckFailure());
    }
  }

  /**
   * The global condition keys of this call
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html); the times as text only
   * if a condition reads them.
   */
  private static RequestFacts call(Clock clock, @Nullable String sourceIp) {
    CallTime now = new CallTime(clock);
    RequestFacts facts = new RequestFacts()
        .putComputed("aws:CurrentTime", () -> now.get().toString())
        .putComputed("aws:EpochTime", () -> Long.toString(now.get().getEpochSecond()));
    if (sourceIp != null) {
      facts.put("aws:SourceIp", sourceIp);
    }
    return facts;
  }

  /** The instant of a call, read from the clock when a condition first asks for it; both time keys give it. */
  private static final class CallTime implements Supplier<Instant> {
    private final Clock clock;
    private @Nullable Instant read;

    CallTime(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant get() {
      Instant now = read;
      if (now == null) {
        now = clock.instant();
        read = now;
      }
      return now;
    }
  }

  /**
   * The resource policy of the table {@code resource} is or belongs to (an index's is its table's), or of the stream
   * it is: a stream has its own, and its table's does not speak for it (DynamoDB's resource-based policies for
   * streams); or null.
   */
  private @Nullable PolicyDocument resourcePolicy(String resource) {
    int table = resource.indexOf(":table/");
    if (table < 0) {
      return null;
    }
    ResourcePolicy policy;
    if (resource.indexOf(STREAM, table) > 0) {
      policy = db.catalog().stream(resource).map(StreamDescriptor::resourcePolicy).orElse(null);
    } else {
      int start = table + ":table/".length();
      int end = resource.indexOf('/', start);
      TableMetadata metadata = db.catalog().find(end < 0 ? resource.substring(start)
          : resource.substring(start, end)).orElse(null);
      policy = metadata == null ? null : metadata.options().resourcePolicy().orElse(null);
    }
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
