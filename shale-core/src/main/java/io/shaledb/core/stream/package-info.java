/** Table streams: change records written atomically with the changes, numbered by the engine in commit order. */
package io.shaledb.core.stream;
