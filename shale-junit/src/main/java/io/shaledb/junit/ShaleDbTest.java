package io.shaledb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an embedded ShaleDB; see {@link ShaleDbExtension}.
 *
 * <pre>{@code
 * @ShaleDbTest
 * class OrderRepositoryTest {
 *   @Test
 *   void savesOrders(DynamoDbClient dynamo) {
 *     dynamo.createTable(...);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ShaleDbExtension.class)
public @interface ShaleDbTest {}
