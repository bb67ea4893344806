package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TagResource, UntagResource and ListTagsOfResource against the memory engine. The not-found message, typo included,
 * is DynamoDB's as dynalite's tagResource tests record it.
 */
class TagsTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final String arn = db.tableArn("items");
  private final TagResource tag = new TagResource(db);
  private final UntagResource untag = new UntagResource(db);
  private final ListTagsOfResource list = new ListTagsOfResource(db);

  TagsTest() {
    new TestTables(db).create("items", false, false, false);
  }

  private void tag(String resourceArn, List<Tag> tags) {
    Requests.run(tag, new TagResourceInput(resourceArn, tags));
  }

  private Map<String, String> tags() {
    return list.execute(arn, Requests.request()).tags();
  }

  @Test
  void tags_areAddedOverwrittenListedAndRemoved() {
    tag(arn, List.of(new Tag("team", "core"), new Tag("env", "test")));
    tag(arn, List.of(new Tag("env", "prod"), new Tag("empty", "")));
    assertThat(tags()).isEqualTo(Map.of("team", "core", "env", "prod", "empty", ""));

    untag.execute(new UntagResourceInput(arn, List.of("env", "absent")), Requests.request());
    assertThat(tags()).isEqualTo(Map.of("team", "core", "empty", ""));
  }

  @Test
  void arnsOfNoTableHere_areResourceNotFound_andMalformedOnesInvalid() {
    String missing = db.tableArn("missing");
    assertThatThrownBy(() -> list.execute(missing, Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found: ResourcArn: " + missing + " not found");
    String otherRegion = "arn:aws:dynamodb:eu-west-1:000000000000:table/items";
    assertThatThrownBy(() -> list.execute(otherRegion, Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("Invalid TableArn: Invalid ResourceArn provided as input " + otherRegion);
    assertThatThrownBy(() -> tag("items", List.of(new Tag("a", "b"))))
        .hasMessage("One or more parameter values were invalid: ARNs must start with 'arn:': items");
    assertThatThrownBy(() -> tag.validate(new TagResourceInput(null, null)))
        .hasMessage("2 validation errors detected: Value null at 'resourceArn' failed to satisfy constraint: Member"
            + " must not be null; Value null at 'tags' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void tagLimits_areChecked_andNothingIsTaggedOnFailure() {
    assertThatThrownBy(() -> tag(arn, List.of(new Tag("", "v"))))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    tag(arn, IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "v")).toList());
    assertThatThrownBy(() -> tag(arn, List.of(new Tag("one-more", "v"))))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    assertThat(tags()).hasSize(50).doesNotContainKey("one-more");
  }
}
