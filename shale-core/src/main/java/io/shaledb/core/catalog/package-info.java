/** The table catalog, stored through the storage SPI in the system keyspace. */
package io.shaledb.core.catalog;
