package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PhysicalTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void members_ofTheRestApisAnswer_byNameAndAddress() throws IOException {
    assertThat(PhysicalTopology.members(JSON.readTree("""
        [{"id":"babc523e-dbd1-4e16-8ca7-700561663a49","name":"node0","address":{"host":"127.0.0.1","port":41257},
          "metadata":{"restHost":"vm","httpPort":39281,"httpsPort":-1}},
         {"id":"4b0e5f8c-0d2b-4d47-9d5e-7a8f2b3c1d00","name":"node1","address":{"host":"10.77.0.2","port":3344}}]
        """))).containsExactly(new TopologyMember("node0", "127.0.0.1:41257"),
            new TopologyMember("node1", "10.77.0.2:3344"));
  }

  @Test
  void members_ofAnythingElse_isRefused() {
    assertThatThrownBy(() -> PhysicalTopology.members(JSON.readTree("{\"title\":\"Not found\"}")))
        .isInstanceOf(IOException.class).hasMessage("not a list of nodes: {\"title\":\"Not found\"}");
    assertThatThrownBy(() -> PhysicalTopology.members(JSON.readTree("[{\"name\":\"node0\"}]")))
        .isInstanceOf(IOException.class).hasMessage("a node without a name, host or port: {\"name\":\"node0\"}");
  }
}
