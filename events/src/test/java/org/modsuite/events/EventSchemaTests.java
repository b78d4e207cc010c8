package org.modsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

/** Every event record, written by EventJson, validates against its published JSON Schema, and back. */
class EventSchemaTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

  static PostEvent samplePost() {
    return new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, NOW, "mastodon:https://social.example/users/a/statuses/1",
        "mastodon", "https://social.example/users/a/statuses/1", "https://social.example/@a/1", "hmac:3f2a", "Hello", "en", NOW, null, null, null,
        "mastodon-public", PostOp.CREATE, NOW);
  }

  static AnalysisEvent sampleAnalysis() {
    return new AnalysisEvent(UUID.randomUUID(), AnalysisEvent.TYPE, AnalysisEvent.SCHEMA_VERSION, NOW, "demo:en-001", NOW.toEpochMilli(), "en",
        Map.of("hate", 0.9, "incitement", 0.1, "dehumanisation", 0.8, "threat", 0.0, "insult", 0.2), Decision.REVIEW,
        List.of(new Reason("lexicon", "en.dehumanisation.vermin", "dehumanisation", "dehumanising metaphor", List.of(new Span(4, 10)), 0.8)),
        null, "lexicon-1", "lexicon-en-de-1", "policy-1", NOW, 3);
  }

  static ActionEvent sampleAction() {
    return new ActionEvent(UUID.randomUUID(), ActionEvent.TYPE, ActionEvent.SCHEMA_VERSION, NOW, "demo:en-001", ActionType.REMOVE, "d-1", "c-1",
        "§ 130 StGB", false, NOW);
  }

  private static Set<ValidationMessage> validate(String schemaFile, String json) throws Exception {
    try (InputStream in = EventSchemaTests.class.getResourceAsStream("/schemas/" + schemaFile)) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      return schema.validate(MAPPER.readTree(json));
    }
  }

  @Test
  void postEventMatchesItsSchemaAndReadsBack() throws Exception {
    PostEvent post = samplePost();
    String json = EventJson.write(post);
    assertThat(validate("post-event.schema.json", json)).isEmpty();
    assertThat(EventJson.read(json, PostEvent.class)).isEqualTo(post);
  }

  @Test
  void analysisEventMatchesItsSchemaAndReadsBack() throws Exception {
    AnalysisEvent analysis = sampleAnalysis();
    String json = EventJson.write(analysis);
    assertThat(validate("analysis-event.schema.json", json)).isEmpty();
    assertThat(EventJson.read(json, AnalysisEvent.class)).isEqualTo(analysis);
  }

  @Test
  void actionEventMatchesItsSchemaAndReadsBack() throws Exception {
    ActionEvent action = sampleAction();
    String json = EventJson.write(action);
    assertThat(validate("action-event.schema.json", json)).isEmpty();
    assertThat(EventJson.read(json, ActionEvent.class)).isEqualTo(action);
  }

  @Test
  void schemaRejectsAPostWithoutPostUid() throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(EventJson.write(samplePost()));
    node.remove("postUid");
    assertThat(validate("post-event.schema.json", node.toString())).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("postUid"));
  }

  @Test
  void schemaRejectsAnUnknownDecision() throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(EventJson.write(sampleAnalysis()));
    node.put("decision", "delete");
    assertThat(validate("analysis-event.schema.json", node.toString())).isNotEmpty();
  }

  @Test
  void readNamesTheMissingField() throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(EventJson.write(samplePost()));
    node.remove("postUid");
    assertThatThrownBy(() -> EventJson.read(node.toString(), PostEvent.class))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("postUid");
  }

  @Test
  void readRejectsSyntaxErrorsAndScoresOutOfRange() throws Exception {
    assertThatThrownBy(() -> EventJson.read("{not json", PostEvent.class)).isInstanceOf(InvalidEventException.class);
    ObjectNode node = (ObjectNode) MAPPER.readTree(EventJson.write(sampleAnalysis()));
    ((ObjectNode) node.get("scores")).put("hate", 1.5);
    assertThatThrownBy(() -> EventJson.read(node.toString(), AnalysisEvent.class))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("scores.hate");
  }

  @Test
  void everyEventTopicHasADeadLetterTopicAndStateTopicsAreCompacted() {
    assertThat(Topics.all()).containsExactly("posts.ingested", "posts.ingested.dlq", "posts.analysed", "posts.analysed.dlq",
        "moderation.actions", "moderation.actions.dlq", "moderation.bank", "moderation.fingerprints", "moderation.rules",
        "moderation.shadow-counts");
    assertThat(Topics.config(Topics.MODERATION_BANK)).containsEntry("cleanup.policy", "compact");
    assertThat(Topics.config(Topics.MODERATION_RULES)).containsEntry("cleanup.policy", "compact");
    assertThat(Topics.config(Topics.MODERATION_SHADOW_COUNTS)).containsEntry("cleanup.policy", "compact");
    assertThat(Topics.config(Topics.MODERATION_FINGERPRINTS).get("cleanup.policy")).startsWith("compact");
    assertThat(Topics.config(Topics.POSTS_INGESTED)).isEmpty();
  }
}
