package org.modsuite.support.rest;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The JSON rules of every service, applied to the ObjectMapper Quarkus REST reads bodies with: no coercion between
 * scalars ({@code "platform":true} or {@code "text":12345} for a string, {@code "1"} for a number is a 400 naming
 * the field, not a {@code "true"} stored), no text PostgreSQL cannot store (U+0000, lone surrogates) in any string
 * or JSON tree, and at most {@value #MAX_NESTING} levels of nesting. {@link #read} also refuses unknown fields, for
 * bodies where a misspelt field must not be silently ignored (rule sets, policies).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  public static final int MAX_NESTING = 64;

  private static final ObjectMapper STRICT = configure(JsonMapper.builder().build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Override
  public void customize(ObjectMapper mapper) {
    configure(mapper);
  }

  /** Applies the rules to a mapper; returns it. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    // A number or boolean where text, a boolean or an enum is expected is the client's mistake, not a value to convert.
    for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    SimpleModule module = new SimpleModule("modsuite-strict-json");
    module.addDeserializer(String.class, new StorableStringDeserializer());
    module.addDeserializer(JsonNode.class, new StorableTreeDeserializer());
    mapper.registerModule(module);
    return mapper;
  }

  /** Reads a JSON tree strictly: unknown fields too are a 400 naming the field. */
  public static <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw ProblemException.invalid("body", "is required");
    }
    try {
      return STRICT.treeToValue(body, type);
    } catch (JsonMappingException e) {
      throw ProblemException.invalid(JsonPaths.of(e), JsonPaths.reason(e));
    }
  }

  /** Jackson's string deserializer, refusing text PostgreSQL cannot store. */
  static final class StorableStringDeserializer extends StdDeserializer<String> {

    private static final long serialVersionUID = 1L;

    StorableStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      if (!StorableText.isStorable(text)) {
        throw new UnstorableTextException(p, "");
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }

  /** Jackson's tree deserializer, refusing a tree with text (values or names) PostgreSQL cannot store. */
  static final class StorableTreeDeserializer extends StdDeserializer<JsonNode> {

    private static final long serialVersionUID = 1L;

    StorableTreeDeserializer() {
      super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
      String bad = unstorable(tree, "");
      if (bad != null) {
        throw new UnstorableTextException(p, bad);
      }
      return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    /** The path of the first unstorable text in the tree, "" for the root, or null when all is storable. */
    private static String unstorable(JsonNode node, String at) {
      if (node.isTextual()) {
        return StorableText.isStorable(node.textValue()) ? null : at;
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          String bad = unstorable(node.get(i), at + "[" + i + "]");
          if (bad != null) {
            return bad;
          }
        }
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext();) {
          Map.Entry<String, JsonNode> field = f.next();
          String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
          if (!StorableText.isStorable(field.getKey())) {
            return at.isEmpty() ? "body" : at;
          }
          String bad = unstorable(field.getValue(), path);
          if (bad != null) {
            return bad;
          }
        }
      }
      return null;
    }
  }
}
