package io.shaledb.server.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who a refusal names, when calls of several users come in turn (the authorizer keeps the last one's ARN). */
class PolicyAuthorizerTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  private final PolicyAuthorizer authorizer = new PolicyAuthorizer(db, new UserDirectory() {
    @Override
    public Map<String, UserAccess> access() {
      return Map.of("alice", UserAccess.NONE, "bob", UserAccess.NONE);
    }

    @Override
    public void onChange(Runnable listener) {}
  });

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void authorize_usersInTurn_eachRefusalNamesItsOwnUser() {
    Principal alice = Principal.user("AKIAALICEALICEALICE1", "alice", Database.ACCOUNT_ID);
    Principal bob = Principal.user("AKIABOBBOBBOBBOBBOB1", "bob", Database.ACCOUNT_ID);

    for (Principal principal : new Principal[] {alice, bob, alice, Principal.user("AKIAALICEALICEALICE2", "alice",
        Database.ACCOUNT_ID), bob}) {
      assertThatThrownBy(() -> authorizer.authorize("DescribeLimits", null,
          RequestContext.internal(principal, Clock.systemUTC()), null))
          .isInstanceOf(DynamoException.class)
          .hasMessage("User: arn:aws:iam::" + Database.ACCOUNT_ID + ":user/" + principal.userName()
              + " is not authorized to perform: dynamodb:DescribeLimits on resource: * because no identity-based"
              + " policy allows the dynamodb:DescribeLimits action");
    }
  }
}
