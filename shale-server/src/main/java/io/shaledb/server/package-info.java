/**
 * The server as a whole: its configuration and {@code ShaleDbServer}, which wires a storage engine, the API and the
 * HTTP front door together and stops them in order.
 */
package io.shaledb.server;
