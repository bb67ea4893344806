/**
 * JMH benchmarks of the codecs, the expression parser and evaluator, the storage engines and the whole API, kept
 * apart from the product so that measuring never adds to what ships; results and their history are in
 * docs/benchmarks.md.
 */
package io.shaledb.bench;
