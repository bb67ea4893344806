package io.shaledb.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IAM's evaluation logic and condition operators on parsed documents, without HTTP: each row is a statement's body
 * (Effect Allow unless it says otherwise), the request and the decision. Facts are {@code key=value} pairs separated
 * by {@code ;}, a key with several values listed with {@code ,}.
 */
class PolicyEvaluatorTest {
  private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Music";
  private static final Caller ALICE = new Caller("arn:aws:iam::000000000000:user/alice", "000000000000");

  private static RequestFacts facts(@Nullable String text) {
    RequestFacts facts = new RequestFacts();
    if (text != null) {
      for (String pair : text.split(";")) {
        String[] keyValue = pair.split("=", 2);
        facts.put(keyValue[0], keyValue[1].isEmpty() ? List.of() : Arrays.asList(keyValue[1].split(",")));
      }
    }
    return facts;
  }

  private static Decision decide(String statements, String action, String resource, @Nullable String facts) {
    PolicyDocument policy = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}",
        PolicyParser.Kind.IDENTITY);
    return PolicyEvaluator.decide(new AccessRequest(ALICE, action, resource, facts(facts)), List.of(policy), null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      exact action allows | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      other action is default deny | {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"} | dynamodb:PutItem | | NOT_ALLOWED
      action prefix wildcard | {"Effect":"Allow","Action":"dynamodb:Get*","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      action case ignored | {"Effect":"Allow","Action":"DynamoDB:getitem","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      exact action case ignored | {"Effect":"Allow","Action":"DYNAMODB:GETITEM","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      exact action is the whole name | {"Effect":"Allow","Action":"dynamodb:Get","Resource":"*"} | dynamodb:GetItem | | NOT_ALLOWED
      resource prefix wildcard | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Mus*"} | dynamodb:GetItem | | ALLOWED
      resource prefix is case sensitive | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/mus*"} | dynamodb:GetItem | | NOT_ALLOWED
      question mark one character | {"Effect":"Allow","Action":"dynamodb:?etItem","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      NotAction allows the rest | {"Effect":"Allow","NotAction":"dynamodb:Delete*","Resource":"*"} | dynamodb:GetItem | | ALLOWED
      NotAction excludes its own | {"Effect":"Allow","NotAction":"dynamodb:Delete*","Resource":"*"} | dynamodb:DeleteItem | | NOT_ALLOWED
      deny wins over allow | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:GetItem","Resource":"*"} | dynamodb:GetItem | | DENIED_BY_IDENTITY_POLICY
      resource exact | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"} | dynamodb:GetItem | | ALLOWED
      resource is case sensitive | {"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/music"} | dynamodb:GetItem | | NOT_ALLOWED
      NotResource | {"Effect":"Allow","Action":"*","NotResource":"arn:aws:dynamodb:*:*:table/Secret*"} | dynamodb:GetItem | | ALLOWED
      StringEquals on a key | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"dynamodb:Select":"COUNT"}}} | dynamodb:Query | dynamodb:Select=COUNT | ALLOWED
      StringEquals absent key fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"dynamodb:Select":"COUNT"}}} | dynamodb:Query | | NOT_ALLOWED
      IfExists absent key holds | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEqualsIfExists":{"dynamodb:Select":"COUNT"}}} | dynamodb:Query | | ALLOWED
      StringNotEquals absent key holds | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringNotEquals":{"dynamodb:ReturnValues":"ALL_OLD"}}} | dynamodb:PutItem | | ALLOWED
      StringNotEquals listed value fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringNotEquals":{"dynamodb:ReturnValues":"ALL_OLD"}}} | dynamodb:PutItem | dynamodb:ReturnValues=ALL_OLD | NOT_ALLOWED
      key names ignore case | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"AWS:USERNAME":"alice"}}} | dynamodb:GetItem | aws:username=alice | ALLOWED
      StringEqualsIgnoreCase | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEqualsIgnoreCase":{"aws:username":"ALICE"}}} | dynamodb:GetItem | aws:username=alice | ALLOWED
      StringLike | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringLike":{"aws:PrincipalTag/team":"data-*"}}} | dynamodb:GetItem | aws:PrincipalTag/team=data-eng | ALLOWED
      StringNotLike | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringNotLike":{"aws:PrincipalTag/team":"data-*"}}} | dynamodb:GetItem | aws:PrincipalTag/team=data-eng | NOT_ALLOWED
      ForAllValues every value listed | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["id","name"]}}} | dynamodb:GetItem | dynamodb:Attributes=id,name | ALLOWED
      ForAllValues one value not listed | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["id","name"]}}} | dynamodb:GetItem | dynamodb:Attributes=id,secret | NOT_ALLOWED
      ForAllValues absent key holds | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["id"]}}} | dynamodb:GetItem | | ALLOWED
      ForAnyValue one value listed | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":"secret"}}} | dynamodb:GetItem | dynamodb:Attributes=id,secret | ALLOWED
      ForAnyValue absent key fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":"secret"}}} | dynamodb:GetItem | | NOT_ALLOWED
      LeadingKeys with a policy variable | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":"${aws:username}"}}} | dynamodb:GetItem | aws:username=alice;dynamodb:LeadingKeys=alice | ALLOWED
      LeadingKeys of another user | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":"${aws:username}"}}} | dynamodb:GetItem | aws:username=alice;dynamodb:LeadingKeys=bob | NOT_ALLOWED
      NumericLessThan | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"NumericLessThan":{"aws:EpochTime":"2000000000"}}} | dynamodb:GetItem | aws:EpochTime=1700000000 | ALLOWED
      NumericGreaterThanEquals fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"NumericGreaterThanEquals":{"aws:EpochTime":"2000000000"}}} | dynamodb:GetItem | aws:EpochTime=1700000000 | NOT_ALLOWED
      NumericEquals compares numbers | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"NumericEquals":{"aws:EpochTime":"10"}}} | dynamodb:GetItem | aws:EpochTime=10.0 | ALLOWED
      DateLessThan | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T03:00:00Z | ALLOWED
      DateGreaterThan fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T03:00:00Z | NOT_ALLOWED
      Bool | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"Bool":{"aws:SecureTransport":false}}} | dynamodb:GetItem | aws:SecureTransport=false | ALLOWED
      DateLessThan to the millisecond | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-12-05T03:00:00.124Z"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T03:00:00.123Z | ALLOWED
      DateLessThan the same instant fails | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-12-05T03:00:00.123Z"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T03:00:00.123000Z | NOT_ALLOWED
      DateGreaterThan a fraction of a second | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-12-05T03:00:00.1Z"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T03:00:00.123456789Z | ALLOWED
      DateLessThan an offset time | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-12-05T02:30:00Z"}}} | dynamodb:GetItem | aws:CurrentTime=2026-12-05T04:00:00+01:00 | NOT_ALLOWED
      IpAddress inside | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}} | dynamodb:GetItem | aws:SourceIp=127.0.0.1 | ALLOWED
      IpAddress outside | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}} | dynamodb:GetItem | aws:SourceIp=127.0.0.1 | NOT_ALLOWED
      NotIpAddress outside holds | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}} | dynamodb:GetItem | aws:SourceIp=127.0.0.1 | ALLOWED
      IpAddress IPv6 | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}} | dynamodb:GetItem | aws:SourceIp=2001:db8:0:0:0:0:0:1 | ALLOWED
      Null true on an absent key | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"Null":{"dynamodb:Attributes":"true"}}} | dynamodb:GetItem | | ALLOWED
      Null false on an absent key | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"Null":{"dynamodb:Attributes":"false"}}} | dynamodb:GetItem | | NOT_ALLOWED
      ArnLike | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/al*"}}} | dynamodb:GetItem | aws:PrincipalArn=arn:aws:iam::000000000000:user/alice | ALLOWED
      ArnNotLike | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/al*"}}} | dynamodb:GetItem | aws:PrincipalArn=arn:aws:iam::000000000000:user/alice | NOT_ALLOWED
      conditions of a statement all hold | {"Action":"*","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"aws:username":"alice","dynamodb:Select":"COUNT"}}} | dynamodb:Query | aws:username=alice;dynamodb:Select=ALL_ATTRIBUTES | NOT_ALLOWED
      conditional deny | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"dynamodb:ReturnConsumedCapacity":"TOTAL"}}} | dynamodb:GetItem | dynamodb:ReturnConsumedCapacity=TOTAL | DENIED_BY_IDENTITY_POLICY
      """)
  void decide_statementAndRequest_isIamsDecision(String description, String statements, String action,
      @Nullable String facts, Decision expected) {
    assertThat(decide(statements, action, TABLE, facts)).isEqualTo(expected);
  }

  @Test
  void decide_oneIpConditionForSeveralAddresses_decidesEachByItsOwn() {
    PolicyDocument policy = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Effect\":\"Allow\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":"
        + "\"127.0.0.0/8\"}}}]}", PolicyParser.Kind.IDENTITY);

    List<Decision> decisions = List.of("127.0.0.1", "203.0.113.5", "127.0.0.2", "127.0.0.2").stream()
        .map(address -> PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:GetItem", TABLE,
            new RequestFacts().put("aws:SourceIp", address)), List.of(policy), null))
        .toList();

    assertThat(decisions).containsExactly(Decision.ALLOWED, Decision.NOT_ALLOWED, Decision.ALLOWED,
        Decision.ALLOWED);
  }

  @Test
  void decide_computedKey_isReadWhenAConditionAsks() {
    PolicyDocument policy = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Effect\":\"Allow\",\"Condition\":{\"StringEquals\":{\"aws:username\":"
        + "\"alice\"}}}]}", PolicyParser.Kind.IDENTITY);
    RequestFacts identity = new RequestFacts().putComputed("aws:username", () -> "alice");
    RequestFacts call = identity.with(new RequestFacts().put("dynamodb:Select", "COUNT"));

    assertThat(PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:Query", TABLE, call), List.of(policy),
        null)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void decide_resourcePolicyAllows_isAllowedWithoutAnIdentityPolicy() {
    PolicyDocument resource = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + TABLE + "\"}}",
        PolicyParser.Kind.RESOURCE);

    assertThat(PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:GetItem", TABLE, new RequestFacts()),
        List.of(), resource)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void decide_resourcePolicyNamesAnotherUser_isNotAllowed() {
    PolicyDocument resource = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::000000000000:user/bob\"},\"Action\":\"*\",\"Resource\":\"*\"}}", PolicyParser.Kind.RESOURCE);

    assertThat(PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:GetItem", TABLE, new RequestFacts()),
        List.of(), resource)).isEqualTo(Decision.NOT_ALLOWED);
  }

  @Test
  void decide_resourcePolicyDeniesWhatIdentityAllows_isDeniedByTheResourcePolicy() {
    PolicyDocument identity = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"*\"}}", PolicyParser.Kind.IDENTITY);
    PolicyDocument resource = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"dynamodb:DeleteItem\",\"Resource\":\"*\"}}", PolicyParser.Kind.RESOURCE);

    assertThat(PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:DeleteItem", TABLE, new RequestFacts()),
        List.of(identity), resource)).isEqualTo(Decision.DENIED_BY_RESOURCE_POLICY);
  }

  private static Decision decideWithResourcePolicy(String statement) {
    PolicyDocument identity = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"*\"}}", PolicyParser.Kind.IDENTITY);
    PolicyDocument resource = PolicyParser.parse("{\"Statement\":" + statement + "}", PolicyParser.Kind.RESOURCE);
    return PolicyEvaluator.decide(new AccessRequest(ALICE, "dynamodb:DeleteItem", TABLE, new RequestFacts()),
        List.of(identity), resource);
  }

  @Test
  void decide_notPrincipalDenyNamingAnother_deniesTheCaller() {
    assertThat(decideWithResourcePolicy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":"
        + "\"arn:aws:iam::000000000000:user/bob\"},\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}"))
        .isEqualTo(Decision.DENIED_BY_RESOURCE_POLICY);
  }

  @Test
  void decide_notPrincipalDenyNamingTheCaller_sparesIt() {
    assertThat(decideWithResourcePolicy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":["
        + "\"arn:aws:iam::000000000000:user/bob\",\"arn:aws:iam::000000000000:user/alice\"]},"
        + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}")).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void parse_principalAndNotPrincipalTogether_isASyntaxError() {
    assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"NotPrincipal\":{\"AWS\":\"000000000000\"},\"Action\":\"*\",\"Resource\":\"*\"}}",
        PolicyParser.Kind.RESOURCE)).hasMessage("Syntax errors in policy.");
  }

  @Test
  void parse_notPrincipalInAnIdentityPolicy_isRefused() {
    assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"NotPrincipal\":"
        + "{\"AWS\":\"000000000000\"},\"Action\":\"*\",\"Resource\":\"*\"}}", PolicyParser.Kind.IDENTITY))
        .hasMessage("Policy document should not specify a principal.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON | {"Statement": | Syntax errors in policy.
      no statement | {"Version":"2012-10-17"} | Syntax errors in policy.
      no action | {"Statement":{"Effect":"Allow","Resource":"*"}} | Policy statement must contain actions.
      no resource | {"Statement":{"Effect":"Allow","Action":"*"}} | Policy statement must contain resources.
      a principal | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}} | Policy document should not specify a principal.
      unknown operator | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringSortOf":{"a":"b"}}}} | Invalid Condition type : StringSortOf
      """)
  void parse_malformedIdentityPolicy_isRefusedWithIamsMessage(String description, String document, String message) {
    assertThatThrownBy(() -> PolicyParser.parse(document, PolicyParser.Kind.IDENTITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void parse_statementAsListOrObject_keepsEveryStatement() {
    List<Statement> statements = new ArrayList<>(PolicyParser.parse("{\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":[\"a:b\",\"c:d\"],\"Resource\":\"*\"}]}",
        PolicyParser.Kind.IDENTITY).statements());

    assertThat(statements).extracting(Statement::effect).containsExactly(Effect.ALLOW, Effect.DENY);
  }
}
