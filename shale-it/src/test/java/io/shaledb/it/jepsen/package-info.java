/**
 * Jepsen-style checking of what clients saw of a cluster under faults: histories of timed operations (one per client
 * process, invoked and completed on one clock) and the checkers that decide whether a history could have come from a
 * correct database: linearizable registers, counters within their bounds, a bank whose total never changes, and no
 * acknowledged write lost. The checkers are pure, so their unit tests run on hand-written histories.
 */
package io.shaledb.it.jepsen;
