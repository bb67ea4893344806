/** Time as the server reads it, and the clock tests move. */
package io.shaledb.server.time;
