package io.shaledb.it.jepsen;

import static io.shaledb.it.jepsen.LinearizableRegisterTest.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.it.jepsen.RegisterOp.Cas;
import io.shaledb.it.jepsen.RegisterOp.Read;
import io.shaledb.it.jepsen.RegisterOp.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

class LostWritesTest {
  @Test
  void find_lastAcknowledgedWriteMissingAtTheEnd_reportsIt() {
    List<Timed<RegisterOp>> history = List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Cas(1, 2), Outcome.OK, 2, 3),
        op(0, new Read(2), Outcome.OK, 4, 5));

    assertThat(LostWrites.find(history, 1)).containsExactly(history.get(1));
  }

  @Test
  void find_writesOverwrittenByLaterOnes_none() {
    assertThat(LostWrites.find(List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Cas(1, 2), Outcome.OK, 2, 3),
        op(0, new Write(3), Outcome.OK, 4, 5)), 3)).isEmpty();
  }

  @Test
  void find_unknownWriteThatMayHaveComeLast_none() {
    assertThat(LostWrites.find(List.of(
        op(0, new Write(1), Outcome.OK, 5, 6),
        op(1, new Write(2), Outcome.UNKNOWN, 0, 1)), 2)).isEmpty();
  }

  @Test
  void find_refusedWriteCannotHaveOverwritten_reportsTheLostOne() {
    List<Timed<RegisterOp>> history = List.of(
        op(0, new Write(1), Outcome.OK, 0, 1),
        op(1, new Cas(5, 2), Outcome.REFUSED, 2, 3));

    assertThat(LostWrites.find(history, null)).containsExactly(history.get(0));
  }
}
