package org.modsuite.support.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrictJsonTests {

  record Post(String platform, String text, int count, boolean flag, List<String> tags) {
  }

  private final ObjectMapper mapper = StrictJson.configure(new ObjectMapper());

  @Test
  void aScalarOfTheWrongTypeIsRefusedWithItsField() {
    for (String body : List.of("{\"platform\":true}", "{\"text\":12345}", "{\"count\":\"1\"}", "{\"flag\":1}", "{\"tags\":[1]}",
        "{\"tags\":\"a\"}", "{\"text\":[1]}")) {
      assertThatThrownBy(() -> mapper.readValue(body, Post.class)).as(body).isInstanceOf(JsonMappingException.class)
          .satisfies(e -> assertThat(JsonPaths.of((JsonMappingException) e)).isIn("platform", "text", "count", "flag", "tags[0]", "tags"));
    }
  }

  @Test
  void textPostgresCannotStoreIsRefusedWithItsField() throws Exception {
    assertThatThrownBy(() -> mapper.readValue("{\"tags\":[\"a\",\"b\\u0000\"]}", Post.class))
        .isInstanceOfSatisfying(UnstorableTextException.class, e -> assertThat(JsonPaths.of(e)).isEqualTo("tags[1]"));
    assertThatThrownBy(() -> mapper.readValue("{\"items\":[{\"text\":\"a\\ud800\"}]}", JsonNode.class))
        .isInstanceOfSatisfying(UnstorableTextException.class, e -> assertThat(JsonPaths.of(e)).isEqualTo("items[0].text"));
    assertThat(mapper.readValue("{\"text\":\"emoji \\ud83d\\ude00 fine\"}", Post.class).text()).contains("\ud83d\ude00");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(StrictJson.MAX_NESTING + 1) + "]".repeat(StrictJson.MAX_NESTING + 1);
    assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void aUniqueViolationIsAConflictNamingTheField() {
    Exception e = new IllegalStateException("insert failed", new SQLException(
        "ERROR: duplicate key value violates unique constraint \"app_user_username_key\"\n  Detail: Key (username)=(bob) already exists.", "23505"));
    Problem problem = UniqueViolations.conflict(e);
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.detail()).contains("app_user_username_key").doesNotContain("bob");
    assertThat(problem.errors()).containsExactly(new Problem.FieldError("username", "is taken"));
    assertThat(UniqueViolations.conflict(new SQLException("boom", "08006"))).isNull();
    Exception reactive = new IllegalStateException("could not execute statement [ERROR: duplicate key value violates unique constraint "
        + "\"api_key_key_hash_key\" (23505)] [insert into api_key (id,key_hash) values ($1,$2)]", new SQLException("duplicate key", "23505"));
    assertThat(UniqueViolations.conflict(reactive).errors()).containsExactly(new Problem.FieldError("keyHash", "is taken"));
  }
}
