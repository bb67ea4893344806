package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.ContributorInsightsInput.Action;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contributor insights settings against the memory engine: kept in the catalog, and gone with their index. */
class UpdateContributorInsightsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final MemoryEngine engine = new MemoryEngine();
  private final Database db = new Database(engine, new MutableClock(NOW), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);

  UpdateContributorInsightsTest() {
    tables.create("items", true, false, false);
  }

  private ContributorInsightsOutput update(String index, Action action) {
    return Requests.run(new UpdateContributorInsights(db),
        new ContributorInsightsInput("items", index, Choice.of(action), null));
  }

  @Test
  void updateContributorInsights_enableTable_isKeptInTheCatalogWithTheDefaultMode() {
    update(null, Action.ENABLE);

    assertThat(new TableCatalog(engine).find("items").orElseThrow().options().tableInsights()).contains(
        new ContributorInsights(ContributorInsights.Mode.ACCESSED_AND_THROTTLED_KEYS, NOW));
  }

  @Test
  void updateContributorInsights_disable_forgetsTheSetting_andAnswersItsMode() {
    update("byG", Action.ENABLE);

    ContributorInsightsOutput disabled = update("byG", Action.DISABLE);

    assertThat(disabled.status()).isEqualTo("DISABLING");
    assertThat(disabled.mode()).contains(ContributorInsights.Mode.ACCESSED_AND_THROTTLED_KEYS);
    assertThat(db.catalog().find("items").orElseThrow().options().indexInsights()).isEmpty();
  }

  @Test
  void deleteGlobalIndex_withInsightsOn_forgetsThem_soANewIndexOfThatNameStartsWithout() {
    update("byG", Action.ENABLE);

    tables.deleteGlobalIndex("items", "byG");
    tables.addGlobalIndex("items", "byG");

    assertThat(Requests.run(new DescribeContributorInsights(db), ContributorInsightsInput.describe("items", "byG"))
        .status()).isEqualTo("DISABLED");
    assertThat(db.catalog().find("items").orElseThrow().options().indexInsights()).isEmpty();
    assertThat(Requests.run(new ListContributorInsights(db), new ListContributorInsightsInput("items", null, null))
        .summaries()).isEmpty();
  }
}
