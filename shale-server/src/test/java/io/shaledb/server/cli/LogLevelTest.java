package io.shaledb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {
  @Test
  void find_optionAndValue_inAnyCase() {
    assertThat(LogLevel.find(new String[] {"serve", "--log-level", "Debug", "--port", "0"})).contains(LogLevel.DEBUG);
    assertThat(LogLevel.find(new String[] {"serve", "--log-level=warn"})).contains(LogLevel.WARN);
  }

  @Test
  void find_absentOrInvalid_isEmpty_soPicocliReportsIt() {
    assertThat(LogLevel.find(new String[] {"serve", "--port", "0"})).isEmpty();
    assertThat(LogLevel.find(new String[] {"serve", "--log-level", "loud"})).isEmpty();
    assertThat(LogLevel.find(new String[] {"serve", "--log-level"})).isEmpty();
  }

  @Test
  void serve_logLevelOption_isParsed() {
    ServeCommand serve = (ServeCommand) Main.commandLine().parseArgs("serve", "--log-level", "error")
        .subcommand().commandSpec().userObject();

    assertThat(serve.logLevel).isEqualTo(LogLevel.ERROR);
  }
}
