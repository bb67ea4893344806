package io.shaledb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableFixturesTest {
  @ShaleDbTable(name = "orders", partitionKey = "customer", sortKey = "placed",
      sortKeyType = ShaleDbTable.KeyType.N, stream = true)
  @ShaleDbTable(name = "plain", partitionKey = "id")
  private static final class Annotated {}

  @Test
  void createTableRequest_fromAnnotations_isDynamoDbsJson() {
    ShaleDbTable[] tables = Annotated.class.getAnnotationsByType(ShaleDbTable.class);

    assertThat(TableFixtures.createTableRequest(tables[0])).isEqualTo("{\"TableName\":\"orders\","
        + "\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"customer\","
        + "\"AttributeType\":\"S\"},{\"AttributeName\":\"placed\",\"AttributeType\":\"N\"}],\"KeySchema\":["
        + "{\"AttributeName\":\"customer\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"placed\",\"KeyType\":"
        + "\"RANGE\"}],\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
    assertThat(TableFixtures.createTableRequest(tables[1])).isEqualTo("{\"TableName\":\"plain\","
        + "\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
        + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");
  }
}
