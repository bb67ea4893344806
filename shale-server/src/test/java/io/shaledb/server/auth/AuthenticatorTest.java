package io.shaledb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.ForwardingEngine;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StartupRead;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.server.time.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change made by another process sharing the storage (here a second store over the same engine) reaches what this
 * process derived from the store within {@link Authenticator#RECHECK}: the mode, and every listener of the store, which
 * is how keys are forgotten and users' policies parsed again.
 */
class AuthenticatorTest {
  @TempDir
  Path keyFiles;

  private final StorageEngine engine = StorageEngines.open("memory", EngineOptions.defaults(null));
  private final SettableClock clock = SettableClock.startingNow();
  private PrincipalStore here;
  private PrincipalStore elsewhere;
  private final AtomicInteger heard = new AtomicInteger();

  @BeforeEach
  void open() {
    here = new PrincipalStore(engine, SecretSealer.lazily(keyFiles.resolve("auth.key")), clock, "123456789012");
    elsewhere = new PrincipalStore(engine, SecretSealer.lazily(keyFiles.resolve("auth.key")), clock,
        "123456789012");
    here.onChange(heard::incrementAndGet);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void verifying_changeByAnotherProcess_reachesThisProcessListenersWithinARecheck() {
    Authenticator authenticator = Authenticator.over(here, "us-east-1", clock, Runnable::run);
    assertThat(authenticator.verifying()).isFalse();

    elsewhere.createUser("alice");
    assertThat(authenticator.verifying()).as("not read again before the recheck").isFalse();
    assertThat(heard).hasValue(0);

    clock.advance(Authenticator.RECHECK);
    assertThat(authenticator.verifying()).isTrue();
    assertThat(heard).hasValue(1);

    clock.advance(Authenticator.RECHECK.plus(Duration.ofMillis(1)));
    assertThat(authenticator.verifying()).isTrue();
    assertThat(heard).as("no change since: nothing to tell").hasValue(1);
  }

  @Test
  void verifying_recheckDue_looksAtTheStoreOffTheCallersThreadOnceAtATime() {
    List<Runnable> looks = new ArrayList<>();
    Authenticator authenticator = Authenticator.over(here, "us-east-1", clock, looks::add);
    elsewhere.createUser("alice");

    clock.advance(Authenticator.RECHECK);
    assertThat(authenticator.verifying()).as("the caller goes on with what is known").isFalse();
    clock.advance(Authenticator.RECHECK);
    assertThat(authenticator.verifying()).isFalse();
    assertThat(looks).as("one look while the first is under way").hasSize(1);
    assertThat(heard).hasValue(0);

    looks.getFirst().run();
    assertThat(heard).hasValue(1);
    assertThat(authenticator.verifying()).isTrue();
    clock.advance(Authenticator.RECHECK);
    authenticator.verifying();
    assertThat(looks).as("the next look once the first is done").hasSize(2);
  }

  @Test
  void over_storeThatCannotAnswerAtFirst_readsItAgain() {
    elsewhere.createUser("alice");
    AtomicInteger reads = new AtomicInteger();
    PrincipalStore starting = new PrincipalStore(refusingFirst(2, reads),
        SecretSealer.lazily(keyFiles.resolve("auth.key")), clock, "123456789012");

    Authenticator authenticator = Authenticator.over(starting, "us-east-1", clock, Runnable::run);

    assertThat(authenticator.verifying()).isTrue();
    assertThat(reads).as("reads, two of them refused").hasValueGreaterThan(2);
  }

  @Test
  @Tag("slow") // waits out every pause of StartupRead, about 16 s
  void over_storeThatNeverAnswers_givesUpAfterItsAttempts() {
    AtomicInteger reads = new AtomicInteger();
    PrincipalStore starting = new PrincipalStore(refusingFirst(Integer.MAX_VALUE, reads),
        SecretSealer.lazily(keyFiles.resolve("auth.key")), clock, "123456789012");

    assertThatThrownBy(() -> Authenticator.over(starting, "us-east-1", clock, Runnable::run))
        .isInstanceOf(StorageUnavailableException.class).hasMessage("the planner timed out");
    assertThat(reads).hasValue(StartupRead.ATTEMPTS);
  }

  /** The engine, whose first {@code refusals} snapshots fail as a starting cluster node's may; counts them all. */
  private StorageEngine refusingFirst(int refusals, AtomicInteger reads) {
    return new ForwardingEngine(engine) {
      @Override
      public Snapshot snapshot() {
        if (reads.incrementAndGet() <= refusals) {
          throw new StorageUnavailableException("the planner timed out");
        }
        return super.snapshot();
      }
    };
  }
}
