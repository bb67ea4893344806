package io.shaledb.core.op.table;

import java.util.Map;

/** ListTagsOfResource's response: every tag of the table in one page. */
public record ListTagsOfResourceOutput(Map<String, String> tags) {}
