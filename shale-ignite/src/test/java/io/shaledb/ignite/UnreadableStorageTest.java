package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreadableStorageTest {
  private static final Duration PATIENCE = Duration.ofSeconds(2);

  @TempDir
  Path directory;

  @Test
  void causedBy_anUnwrittenPageDeepInTheCauses_isUnreadable() {
    IllegalStateException launch = new IllegalStateException("its join failed: Unable to start [node=n2]",
        new RuntimeException("Replica start failed [groupId=20_part_3]",
            new RuntimeException("Failed to read group config", new Exception("Unknown page IO type: 0"))));

    assertThat(UnreadableStorage.causedBy(launch)).isTrue();
  }

  @Test
  void causedBy_aFreeListOnAnUnwrittenPage_isUnreadable() {
    IllegalStateException launch = new IllegalStateException("its join failed: Unable to start [node=n2]",
        new RuntimeException(new IllegalStateException("Failed to get page IO instance (page content is corrupted)")));

    assertThat(UnreadableStorage.causedBy(launch)).isTrue();
  }

  @Test
  void causedBy_aPageFailingItsChecksum_isUnreadable() {
    IllegalStateException launch = new IllegalStateException("its join failed: IGN-EMBEDDED-4 Error during node start",
        new RuntimeException("IGN-CMN-65535 Unable to start [node=n2]", new RuntimeException("IGN-CMN-65535 Failed to "
            + "read page (CRC validation failed) [id=0002000000000001, off=32768, filePath=part-0.bin, fileSize=4259840,"
            + " savedCrc=5aa25610, curCrc=8726e826]")));

    assertThat(UnreadableStorage.causedBy(launch)).isTrue();
  }

  @Test
  void causedBy_aLaunchFailedAfterADamagedMetaPage_isUnreadable() {
    // The start's own failure, as MetaPageReplicaDamageTest met it, names no page; EmbeddedNode wraps it.
    IllegalStateException launch = new IllegalStateException("the Ignite node cannot read its partition storage: "
        + UnreadableStorage.DAMAGED_META_PAGE + " in [part-0.bin], and its launch failed: Error during node start.",
        new RuntimeException("IGN-CMN-65535 Unable to start [node=node2]",
            new RuntimeException("IGN-CMN-65535 Fail to init node, please see the logs to find the reason.")));

    assertThat(UnreadableStorage.causedBy(launch)).isTrue();
    assertThat(UnreadableStorage.causedBy(launch.getCause())).isFalse();
  }

  @Test
  void causedBy_anUnwrittenPageAmongSuppressed_isUnreadable() {
    IllegalStateException launch = new IllegalStateException("Unable to start");
    RuntimeException component = new RuntimeException("a component did not start");
    component.addSuppressed(new Exception("Unknown page IO type: 0"));
    launch.addSuppressed(component);

    assertThat(UnreadableStorage.causedBy(launch)).isTrue();
  }

  @Test
  void causedBy_anyOtherFailure_isNot() {
    IllegalStateException launch = new IllegalStateException("its join failed: Unable to start",
        new RuntimeException("Unknown page IO type: 7"));

    assertThat(UnreadableStorage.causedBy(launch)).isFalse();
    assertThat(UnreadableStorage.causedBy(new IllegalStateException("did not join within 150 s"))).isFalse();
    assertThat(UnreadableStorage.causedBy(new IllegalStateException("Unable to start", new RuntimeException(
        "Failed to read page [file=part-0.bin, pageId=3]", new IOException("Input/output error"))))).as("a disk that "
            + "fails to read is not a page that fails its checksum").isFalse();
  }

  @Test
  void refusal_everyOtherNodeAnswers_none() throws IOException {
    try (ServerSocket first = listening(); ServerSocket second = listening()) {
      UnreadableStorage storage = new UnreadableStorage(node(), 3, List.of(address(first), address(second)), PATIENCE);

      assertThat(storage.refusal()).isEmpty();
    }
  }

  @Test
  void refusal_anotherNodeDoesNotAnswer_namesIt() throws IOException {
    String silent;
    try (ServerSocket closed = listening()) {
      silent = address(closed);
    }
    try (ServerSocket other = listening()) {
      UnreadableStorage storage = new UnreadableStorage(node(), 3, List.of(address(other), silent), PATIENCE);

      assertThat(storage.refusal()).contains("node " + silent + " does not answer, so the others may not hold a "
          + "majority of every partition");
    }
  }

  @Test
  void refusal_fewerThanThreeCopiesOfAPartition_refusesThoughEveryOtherNodeAnswers() throws IOException {
    try (ServerSocket first = listening(); ServerSocket second = listening()) {
      List<String> others = List.of(address(first), address(second));

      assertThat(new UnreadableStorage(node(), 2, others, PATIENCE).refusal()).contains("the keyspace keeps 2 copies "
          + "of each partition, so the others hold no majority of a partition without this node's copy");
      assertThat(new UnreadableStorage(node(), 1, others, PATIENCE).refusal()).contains("the keyspace keeps 1 copy "
          + "of each partition, so the others hold no majority of a partition without this node's copy");
    }
  }

  @Test
  void refusal_noOtherNode_refuses() throws IOException {
    assertThat(new UnreadableStorage(node(), 3, List.of(), PATIENCE).refusal())
        .contains("its seeds name no other node to rebuild its data from");
  }

  @Test
  void moveAside_keepsTheDataNextToTheDirectory_andRefusesASecondTime() throws IOException {
    Path node = node();
    Files.writeString(node.resolve("part-3.bin"), "damaged");
    try (ServerSocket other = listening()) {
      UnreadableStorage storage = new UnreadableStorage(node, 3, List.of(address(other)), PATIENCE);

      Path aside = storage.moveAside();

      assertThat(aside).isEqualTo(directory.resolve("ignite.unreadable"));
      assertThat(Files.readString(aside.resolve("part-3.bin"))).isEqualTo("damaged");
      assertThat(node).doesNotExist();
      Files.createDirectories(node);
      assertThat(storage.refusal()).contains("an earlier copy of its data, moved aside in " + aside
          + ", is still there");
    }
  }

  private Path node() throws IOException {
    return Files.createDirectories(directory.resolve("ignite"));
  }

  private static ServerSocket listening() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  private static String address(ServerSocket socket) {
    return "127.0.0.1:" + socket.getLocalPort();
  }
}
