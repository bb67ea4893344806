package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** Contributor insights settings through the SDK: kept per table and index, described and listed back. */
@ShaleDbTest
class ContributorInsightsIT {
  private final DynamoDbClient client;

  ContributorInsightsIT(DynamoDbClient client) {
    this.client = client;
  }

  private String tableWithIndex() {
    String table = Tables.unique("insights");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
            .keySchema(Tables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    return table;
  }

  @Test
  void describeContributorInsights_newTable_isDisabled() {
    String table = tableWithIndex();

    DescribeContributorInsightsResponse described = client.describeContributorInsights(r -> r.tableName(table));

    assertThat(described.tableName()).isEqualTo(table);
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(described.hasContributorInsightsRuleList()).isFalse();
  }

  @Test
  void updateContributorInsights_enable_answersEnabling_thenDescribesEnabledWithItsMode() {
    String table = tableWithIndex();

    UpdateContributorInsightsResponse updated = client.updateContributorInsights(r -> r.tableName(table)
        .contributorInsightsAction(ContributorInsightsAction.ENABLE)
        .contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));

    assertThat(updated.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(updated.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    DescribeContributorInsightsResponse described = client.describeContributorInsights(r -> r.tableName(table));
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(described.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    assertThat(described.lastUpdateDateTime()).isNotNull();
    assertThat(client.describeContributorInsights(r -> r.tableName(table).indexName("by-g"))
        .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
  }

  @Test
  void updateContributorInsights_disable_answersDisabling_thenDescribesDisabled() {
    String table = tableWithIndex();
    client.updateContributorInsights(r -> r.tableName(table).indexName("by-g")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE));

    UpdateContributorInsightsResponse updated = client.updateContributorInsights(r -> r.tableName(table)
        .indexName("by-g").contributorInsightsAction(ContributorInsightsAction.DISABLE));

    assertThat(updated.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLING);
    assertThat(updated.indexName()).isEqualTo("by-g");
    assertThat(client.describeContributorInsights(r -> r.tableName(table).indexName("by-g"))
        .contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
  }

  @Test
  void listContributorInsights_ofATable_listsTheTableThenItsIndexes_inPagesOfMaxResults() {
    String table = tableWithIndex();
    for (String index : new String[] {null, "by-g"}) {
      client.updateContributorInsights(r -> r.tableName(table).indexName(index)
          .contributorInsightsAction(ContributorInsightsAction.ENABLE));
    }

    ListContributorInsightsResponse first = client.listContributorInsights(r -> r.tableName(table).maxResults(1));
    ListContributorInsightsResponse second = client.listContributorInsights(r -> r.tableName(table)
        .maxResults(1).nextToken(first.nextToken()));

    assertThat(first.contributorInsightsSummaries()).extracting(ContributorInsightsSummary::indexName)
        .containsExactly((String) null);
    assertThat(second.contributorInsightsSummaries()).extracting(ContributorInsightsSummary::indexName)
        .containsExactly("by-g");
    assertThat(second.contributorInsightsSummaries().get(0).contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void deletingAnIndex_forgetsItsInsights() {
    String table = tableWithIndex();
    client.updateContributorInsights(r -> r.tableName(table).indexName("by-g")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE));

    client.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .delete(d -> d.indexName("by-g")).build()));

    assertThat(client.listContributorInsights(r -> r.tableName(table)).contributorInsightsSummaries()).isEmpty();
  }

  @Test
  void describeContributorInsights_unknownIndex_isResourceNotFound() {
    String table = tableWithIndex();

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.describeContributorInsights(r -> r.tableName(table).indexName("nope")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Index: nope not found for table: " + table);
  }

  @Test
  void updateContributorInsights_withoutAction_isAValidationError() {
    String table = tableWithIndex();

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.updateContributorInsights(r -> r.tableName(table)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at"
        + " 'contributorInsightsAction' failed to satisfy constraint: Member must not be null");
  }
}
