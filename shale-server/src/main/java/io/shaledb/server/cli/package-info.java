/**
 * The command line ({@code shaledb serve} and its options, with picocli): how an operator starts ShaleDB, the start-up
 * banner, logging level and the warm-up and class-data training that make the first requests fast.
 */
package io.shaledb.server.cli;
