package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.ContributorInsightsInput;
import io.shaledb.core.op.table.ContributorInsightsInput.Action;
import io.shaledb.core.op.table.ContributorInsightsOutput;
import io.shaledb.core.op.table.ListContributorInsightsInput;
import io.shaledb.core.op.table.ListContributorInsightsOutput;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.math.BigDecimal;

/** Requests and responses of the contributor insights operations. */
public final class InsightsJson {
  private InsightsJson() {}

  /** DescribeContributorInsights's and UpdateContributorInsights's request. */
  public static ContributorInsightsInput readContributorInsights(JsonInput in) throws IOException {
    String tableName = null;
    String indexName = null;
    Choice<Action> action = null;
    Choice<ContributorInsights.Mode> mode = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "IndexName" -> indexName = in.readString();
        case "ContributorInsightsAction" -> action = in.readChoice(Action.class);
        case "ContributorInsightsMode" -> mode = in.readChoice(ContributorInsights.Mode.class);
        default -> in.skipValue();
      }
    }
    return new ContributorInsightsInput(tableName, indexName, action, mode);
  }

  public static ListContributorInsightsInput readListContributorInsights(JsonInput in) throws IOException {
    String tableName = null;
    String nextToken = null;
    Long maxResults = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "NextToken" -> nextToken = in.readString();
        case "MaxResults" -> maxResults = in.readLong();
        default -> in.skipValue();
      }
    }
    return new ListContributorInsightsInput(tableName, nextToken, maxResults);
  }

  /** DescribeContributorInsights's and UpdateContributorInsights's answer. */
  public static void writeContributorInsights(JsonGenerator g, ContributorInsightsOutput out) throws IOException {
    g.writeStartObject();
    writeSummary(g, out);
    if (out.lastUpdated().isPresent()) {
      g.writeFieldName("LastUpdateDateTime");
      g.writeNumber(BigDecimal.valueOf(out.lastUpdated().get().toEpochMilli(), 3));
    }
    g.writeEndObject();
  }

  public static void writeListContributorInsights(JsonGenerator g, ListContributorInsightsOutput out)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("ContributorInsightsSummaries");
    for (ContributorInsightsOutput summary : out.summaries()) {
      g.writeStartObject();
      writeSummary(g, summary);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (out.nextToken() != null) {
      g.writeStringField("NextToken", out.nextToken());
    }
    g.writeEndObject();
  }

  private static void writeSummary(JsonGenerator g, ContributorInsightsOutput out) throws IOException {
    g.writeStringField("TableName", out.tableName());
    if (out.indexName() != null) {
      g.writeStringField("IndexName", out.indexName());
    }
    g.writeStringField("ContributorInsightsStatus", out.status());
    if (out.mode().isPresent()) {
      g.writeStringField("ContributorInsightsMode", out.mode().get().name());
    }
  }
}
