package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.craft.core.InvalidInputException;
import dev.craft.store.CraftJson;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's {@code ctx.json(...)} through CRAFT's own Jackson conventions. */
final class JsonBodyMapper implements JsonMapper {
  @Override
  public String toJsonString(Object obj, Type type) {
    try {
      return CraftJson.mapper().writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + type.getTypeName(), e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return CraftJson.mapper().readValue(json, CraftJson.mapper().constructType(type));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("malformed JSON: " + e.getOriginalMessage());
    }
  }
}
