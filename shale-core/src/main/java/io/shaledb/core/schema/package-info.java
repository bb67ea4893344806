/** Table metadata: key schemas, attribute definitions, capacity settings. Immutable records. */
package io.shaledb.core.schema;
