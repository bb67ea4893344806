/** Table streams: change records written atomically with the changes, read up to a commit watermark. */
package io.shaledb.core.stream;
