package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ShaleDbTest
class EnhancedClientIT {
  private final DynamoDbEnhancedClient enhanced;

  EnhancedClientIT(DynamoDbClient client) {
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }

  @DynamoDbBean
  public static class Order {
    private String customer;
    private Long orderNo;
    private BigDecimal total;
    private Instant placedAt;
    private List<String> lines;
    private Set<String> tags;
    private Map<String, Integer> quantities;
    private Boolean paid;
    private byte[] receipt;

    @DynamoDbPartitionKey
    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }

    @DynamoDbSortKey
    public Long getOrderNo() {
      return orderNo;
    }

    public void setOrderNo(Long orderNo) {
      this.orderNo = orderNo;
    }

    public BigDecimal getTotal() {
      return total;
    }

    public void setTotal(BigDecimal total) {
      this.total = total;
    }

    public Instant getPlacedAt() {
      return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
      this.placedAt = placedAt;
    }

    public List<String> getLines() {
      return lines;
    }

    public void setLines(List<String> lines) {
      this.lines = lines;
    }

    public Set<String> getTags() {
      return tags;
    }

    public void setTags(Set<String> tags) {
      this.tags = tags;
    }

    public Map<String, Integer> getQuantities() {
      return quantities;
    }

    public void setQuantities(Map<String, Integer> quantities) {
      this.quantities = quantities;
    }

    public Boolean getPaid() {
      return paid;
    }

    public void setPaid(Boolean paid) {
      this.paid = paid;
    }

    public byte[] getReceipt() {
      return receipt;
    }

    public void setReceipt(byte[] receipt) {
      this.receipt = receipt;
    }
  }

  @Test
  void transactWriteItems_throughTheEnhancedClient() {
    DynamoDbTable<Order> orders = enhanced.table(Tables.unique("txorders"), TableSchema.fromBean(Order.class));
    orders.createTable();
    Order first = new Order();
    first.setCustomer("ada");
    first.setOrderNo(1L);
    Order second = new Order();
    second.setCustomer("bob");
    second.setOrderNo(2L);

    enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(orders, first).addPutItem(orders, second).build());

    assertThat(orders.scan().items().stream().map(Order::getCustomer).toList())
        .containsExactlyInAnyOrder("ada", "bob");
  }

  @Test
  void beanTable_createPutGetDelete() {
    DynamoDbTable<Order> orders = enhanced.table(Tables.unique("orders"), TableSchema.fromBean(Order.class));
    orders.createTable();
    Order order = new Order();
    order.setCustomer("ada");
    order.setOrderNo(42L);
    order.setTotal(new BigDecimal("19.990"));
    order.setPlacedAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    order.setLines(List.of("book", "pen"));
    order.setTags(Set.of("gift", "express"));
    order.setQuantities(Map.of("book", 1, "pen", 3));
    order.setPaid(true);
    order.setReceipt(new byte[] {1, 2, (byte) 0xFF});

    orders.putItem(order);
    Order read = orders.getItem(Key.builder().partitionValue("ada").sortValue(42).build());

    assertThat(read).usingRecursiveComparison().ignoringFields("total").isEqualTo(order);
    assertThat(read.getTotal()).isEqualByComparingTo("19.99");
    Order deleted = orders.deleteItem(Key.builder().partitionValue("ada").sortValue(42).build());
    assertThat(deleted.getCustomer()).isEqualTo("ada");
    assertThat(orders.getItem(Key.builder().partitionValue("ada").sortValue(42).build())).isNull();
  }
}
