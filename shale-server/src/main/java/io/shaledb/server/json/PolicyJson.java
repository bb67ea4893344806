package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.PutResourcePolicyInput;
import io.shaledb.core.op.table.ResourcePolicyInput;
import io.shaledb.core.op.table.ResourcePolicyOutput;
import java.io.IOException;

/** Requests and responses of the resource-based policy operations. */
public final class PolicyJson {
  private PolicyJson() {}

  public static PutResourcePolicyInput readPutResourcePolicy(JsonInput in) throws IOException {
    String arn = null;
    String policy = null;
    String expected = null;
    Boolean confirm = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ResourceArn" -> arn = in.readString();
        case "Policy" -> policy = in.readString();
        case "ExpectedRevisionId" -> expected = in.readString();
        case "ConfirmRemoveSelfResourceAccess" -> confirm = in.readBoolean();
        default -> in.skipValue();
      }
    }
    return new PutResourcePolicyInput(arn, policy, expected, confirm);
  }

  /** GetResourcePolicy's and DeleteResourcePolicy's request. */
  public static ResourcePolicyInput readResourcePolicy(JsonInput in) throws IOException {
    String arn = null;
    String expected = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ResourceArn" -> arn = in.readString();
        case "ExpectedRevisionId" -> expected = in.readString();
        default -> in.skipValue();
      }
    }
    return new ResourcePolicyInput(arn, expected);
  }

  public static void writeResourcePolicy(JsonGenerator g, ResourcePolicyOutput out) throws IOException {
    g.writeStartObject();
    if (out.policy() != null) {
      g.writeStringField("Policy", out.policy());
    }
    if (out.revisionId() != null) {
      g.writeStringField("RevisionId", out.revisionId());
    }
    g.writeEndObject();
  }
}
