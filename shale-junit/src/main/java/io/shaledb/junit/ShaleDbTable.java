package io.shaledb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table that exists while the annotated test class (or method) runs: created, on-demand and active, before it and
 * deleted after it. Repeatable. For indexes and other settings, list CreateTable requests in a JSON file instead
 * ({@link ShaleDbTest#tablesFrom}).
 *
 * <pre>{@code
 * @ShaleDbTest
 * @ShaleDbTable(name = "orders", partitionKey = "customer", sortKey = "orderId", sortKeyType = KeyType.N)
 * class OrdersTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ShaleDbTable.List.class)
public @interface ShaleDbTable {
  String name();

  String partitionKey();

  KeyType partitionKeyType() default KeyType.S;

  /** Empty for a table without a sort key. */
  String sortKey() default "";

  KeyType sortKeyType() default KeyType.S;

  /** Whether the table has a stream of new and old images. */
  boolean stream() default false;

  /** A key attribute's type: string, number or binary. */
  enum KeyType {
    S,
    N,
    B
  }

  /** The container of repeated {@code @ShaleDbTable}s. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface List {
    ShaleDbTable[] value();
  }
}
