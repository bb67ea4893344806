package io.shaledb.server.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.server.auth.SecretSealer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersFileTest {
  @TempDir
  Path directory;

  @Test
  void read_sealedSecret_opensWithTheSameKeyFile() throws IOException {
    SecretSealer sealer = SecretSealer.openOrCreate(directory.resolve("auth.key"));
    Path file = Files.writeString(directory.resolve("peers"), "# a comment\n\n  eu-west-1   https://west.example:8443 "
        + "AKIDWEST " + PeersFile.seal(sealer, "AKIDWEST", "west-secret") + "\n");

    assertThat(PeersFile.read(file, sealer)).containsExactly(
        new PeerEndpoint("eu-west-1", URI.create("https://west.example:8443"), "AKIDWEST", "west-secret"));
  }

  @Test
  void read_secretSealedForAnotherKeyId_isRefusedNamingTheLine() throws IOException {
    SecretSealer sealer = SecretSealer.openOrCreate(directory.resolve("auth.key"));
    Path file = Files.writeString(directory.resolve("peers"),
        "eu-west-1 http://127.0.0.1:8001 AKIDWEST " + PeersFile.seal(sealer, "AKIDOTHER", "secret") + "\n");

    assertThatThrownBy(() -> PeersFile.read(file, sealer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + " line 1: the secret does not open with the auth key file");
  }

  @Test
  void read_lineWithoutItsSecret_isRefused() throws IOException {
    SecretSealer sealer = SecretSealer.openOrCreate(directory.resolve("auth.key"));
    Path file = Files.writeString(directory.resolve("peers"), "eu-west-1 http://127.0.0.1:8001 AKIDWEST\n");

    assertThatThrownBy(() -> PeersFile.read(file, sealer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " line 1: a peer is REGION ENDPOINT ACCESS_KEY_ID SEALED_SECRET");
  }

  @Test
  void toString_peer_leavesTheSecretOut() {
    assertThat(new PeerEndpoint("eu-west-1", URI.create("http://127.0.0.1:8001"), "AKIDWEST", "west-secret"))
        .asString().doesNotContain("west-secret");
  }
}
