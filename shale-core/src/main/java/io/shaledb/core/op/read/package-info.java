/** Query and Scan: pages of items read from key ranges, streamed from storage. */
package io.shaledb.core.op.read;
