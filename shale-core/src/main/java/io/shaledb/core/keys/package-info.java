/** The key encoding and the stored item format: the two byte layouts ShaleDB persists. */
package io.shaledb.core.keys;
