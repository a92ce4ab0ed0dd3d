package dev.craft.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.craft.core.Art14Kind;
import dev.craft.core.WireEnum;
import java.io.IOException;

/**
 * CRAFT's JSON conventions, shared by the audit log and the HTTP API: ISO instants, lower_snake
 * enums.
 */
public final class CraftJson {
  private static final ObjectMapper MAPPER = newMapper();

  private CraftJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static ObjectMapper newMapper() {
    var wireEnums = new SimpleModule("craft-wire-enums");
    wireEnums.addSerializer(new WireEnumSerializer());
    wireEnums.addSerializer(new KindSerializer());
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(wireEnums)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** Art. 14 case kinds travel by their id ("vulnerability", "incident"), as on the CLI. */
  private static final class KindSerializer extends StdSerializer<Art14Kind> {
    KindSerializer() {
      super(Art14Kind.class);
    }

    @Override
    public void serialize(Art14Kind value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.id());
    }
  }

  private static final class WireEnumSerializer extends StdSerializer<WireEnum> {
    WireEnumSerializer() {
      super(WireEnum.class);
    }

    @Override
    public void serialize(WireEnum value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.wireName());
    }
  }
}
