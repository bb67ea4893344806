package io.shaledb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonArraysTest {
  @Test
  void elements_withCommasBracketsAndQuotesInStrings_splitAtTopLevelOnly() {
    String json = " [ {\"TableName\":\"a\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"x, \\\"y\\\" [z] {w}\"}]},\n"
        + "{\"TableName\":\"b\\\\\"} ] ";

    assertThat(JsonArrays.elements(json, "tables.json")).containsExactly(
        "{\"TableName\":\"a\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"x, \\\"y\\\" [z] {w}\"}]}",
        "{\"TableName\":\"b\\\\\"}");
  }

  @Test
  void elements_emptyArray_isEmpty() {
    assertThat(JsonArrays.elements("[ ]", "tables.json")).isEmpty();
  }

  @Test
  void elements_notAnArrayOrUnbalanced_isRefusedNamingTheSource() {
    assertThatThrownBy(() -> JsonArrays.elements("{\"TableName\":\"a\"}", "tables.json"))
        .hasMessage("tables.json must hold a JSON array of CreateTable requests");
    assertThatThrownBy(() -> JsonArrays.elements("[{\"TableName\":\"a\"]", "tables.json"))
        .hasMessage("tables.json is not well-formed JSON");
  }
}
