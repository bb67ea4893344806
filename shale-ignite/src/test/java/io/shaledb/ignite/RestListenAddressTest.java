package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system property is the JVM's: each test restores what the nodes of earlier test classes left there. */
class RestListenAddressTest {
  private String before;

  @BeforeEach
  void saveProperty() {
    before = System.getProperty(RestListenAddress.PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (before == null) {
      System.clearProperty(RestListenAddress.PROPERTY);
    } else {
      System.setProperty(RestListenAddress.PROPERTY, before);
    }
  }

  @Test
  void listenOn_withoutTheOperatorsChoice_setsTheNodesHost() {
    assumeTrue(System.getenv(RestListenAddress.ENVIRONMENT_VARIABLE) == null,
        "the environment chooses the REST address");
    System.clearProperty(RestListenAddress.PROPERTY);

    RestListenAddress.listenOn("10.77.0.2");

    assertThat(System.getProperty(RestListenAddress.PROPERTY)).isEqualTo("10.77.0.2");
  }

  @Test
  void listenOn_afterTheOperatorChoseAnAddress_keepsIt() {
    System.setProperty(RestListenAddress.PROPERTY, "0.0.0.0");

    RestListenAddress.listenOn("10.77.0.2");

    assertThat(System.getProperty(RestListenAddress.PROPERTY)).isEqualTo("0.0.0.0");
  }
}
