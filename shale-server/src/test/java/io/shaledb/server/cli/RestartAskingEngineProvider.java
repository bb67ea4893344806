package io.shaledb.server.cli;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.ForwardingEngine;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngineProvider;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The engine {@code restart-asking}: an in-memory engine that asks for its process to be started again one second
 * after it opens, as a cluster node cut off from its cluster does, so that a test can see what {@code serve} does
 * then.
 */
public final class RestartAskingEngineProvider implements StorageEngineProvider {
  static final String WHY = "the test engine asks for a restart";

  @Override
  public String name() {
    return "restart-asking";
  }

  @Override
  public StorageEngine open(EngineOptions options) {
    options.requireKnownTuning(name(), Set.of());
    CompletionStage<String> restartNeeded = CompletableFuture.supplyAsync(() -> WHY,
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    return new ForwardingEngine(new MemoryEngine()) {
      @Override
      public CompletionStage<String> restartNeeded() {
        return restartNeeded;
      }
    };
  }
}
