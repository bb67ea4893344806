/** The in-memory storage engine: MVCC over a concurrent skip list, for tests and throwaway servers. */
package io.shaledb.core.storage.memory;
