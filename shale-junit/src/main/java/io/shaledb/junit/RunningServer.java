package io.shaledb.junit;

import java.net.URI;

/** A server the extension started, wherever it runs. Closing it stops the server and removes its data. */
interface RunningServer extends AutoCloseable {
  URI endpoint();

  ShaleDbClock clock();

  @Override
  void close();
}
