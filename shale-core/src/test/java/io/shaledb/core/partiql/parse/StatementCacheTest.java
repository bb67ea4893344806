package io.shaledb.core.partiql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.partiql.ast.Statement;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
  private final StatementCache cache = new StatementCache();

  @Test
  void parse_sameTextTwice_returnsTheOneParsedStatement() {
    Statement first = cache.parse("SELECT * FROM \"t\" WHERE pk = ?");

    assertThat(cache.parse("SELECT * FROM \"t\" WHERE pk = ?")).isSameAs(first);
    assertThat(first).isEqualTo(StatementParser.parse("SELECT * FROM \"t\" WHERE pk = ?"));
  }

  @Test
  void parse_differentText_parsesEach() {
    assertThat(cache.parse("SELECT * FROM \"a\"").table()).isEqualTo("a");
    assertThat(cache.parse("SELECT * FROM \"b\"").table()).isEqualTo("b");
  }

  @Test
  void parse_invalidText_throwsEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.parse("SELEKT * FROM \"t\""))
          .isInstanceOf(DynamoException.class)
          .hasMessage("Statement wasn't well formed, can't be processed: Expected data manipulation");
    }
  }
}
