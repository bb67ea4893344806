package io.shaledb.it.jepsen;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A bank: accounts {@code a0..a(n-1)} of a table keyed by {@code id} (S), each opened with the same {@code balance};
 * TransactWriteItems moves money from one account to another (refused when the first holds too little), and
 * TransactGetItems reads every account in one snapshot.
 */
public final class BankWorkload implements Workload {
  private static final String KEY = "accounts";

  private final String table;
  private final List<String> accounts;
  private final long opening;
  private final History<BankOp> history = new History<>();

  public BankWorkload(String table, int accounts, long opening) {
    this.table = table;
    this.accounts = IntStream.range(0, accounts).mapToObj(i -> "a" + i).toList();
    this.opening = opening;
  }

  @Override
  public String name() {
    return "bank";
  }

  @Override
  public void setUp(DynamoDbClient client) {
    for (String account : accounts) {
      client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(account), "balance",
          AttributeValue.fromN(Long.toString(opening)))));
    }
  }

  @Override
  public Outcome step(DynamoDbClient client, int process, SplittableRandom random) {
    long invoked = System.nanoTime();
    if (random.nextInt(10) < 3) {
      try {
        Map<String, Long> balances = read(client);
        history.record(KEY, new Timed<>(process, new BankOp.Read(balances), Outcome.OK, invoked, System.nanoTime()));
        return Outcome.OK;
      } catch (SdkException e) {
        Outcome outcome = Requests.outcomeOf(e);
        history.record(KEY, new Timed<>(process, new BankOp.Read(Map.of()), outcome, invoked, System.nanoTime()));
        return outcome;
      }
    }
    String from = accounts.get(random.nextInt(accounts.size()));
    String to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(accounts.size() - 1)) % accounts.size());
    long amount = 1L + random.nextInt(20);
    AttributeValue value = AttributeValue.fromN(Long.toString(amount));
    Outcome outcome;
    try {
      client.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("id", AttributeValue.fromS(from)))
              .updateExpression("SET balance = balance - :amount").conditionExpression("balance >= :amount")
              .expressionAttributeValues(Map.of(":amount", value))).build(),
          TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("id", AttributeValue.fromS(to)))
              .updateExpression("SET balance = balance + :amount").conditionExpression("attribute_exists(balance)")
              .expressionAttributeValues(Map.of(":amount", value))).build()));
      outcome = Outcome.OK;
    } catch (SdkException e) {
      outcome = Requests.outcomeOf(e);
    }
    history.record(KEY, new Timed<>(process, new BankOp.Transfer(from, to, amount), outcome, invoked,
        System.nanoTime()));
    return outcome;
  }

  @Override
  public List<String> check(FinalReads reads, long origin) {
    Optional<Map<String, Long>> last = reads.read("the accounts", this::read);
    return BankChecker.check(history.byKey().getOrDefault(KEY, List.of()), new LinkedHashSet<>(accounts),
        opening * accounts.size(), last, origin);
  }

  @Override
  public History<BankOp> history() {
    return history;
  }

  /** Every account's balance from one TransactGetItems; an account it did not return is left out. */
  private Map<String, Long> read(DynamoDbClient client) {
    List<ItemResponse> responses = client.transactGetItems(r -> r.transactItems(accounts.stream()
        .map(account -> TransactGetItem.builder().get(g -> g.tableName(table)
            .key(Map.of("id", AttributeValue.fromS(account)))).build()).toList())).responses();
    Map<String, Long> balances = new HashMap<>();
    for (ItemResponse response : responses) {
      if (response.hasItem() && response.item().containsKey("id") && response.item().containsKey("balance")) {
        balances.put(response.item().get("id").s(), Long.parseLong(response.item().get("balance").n()));
      }
    }
    return balances;
  }
}
