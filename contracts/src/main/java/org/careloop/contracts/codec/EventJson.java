package org.careloop.contracts.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.Upcasters;

/**
 * The wire format of integration events: JSON with ISO-8601 dates. Readers ignore fields they do
 * not know, so a producer can add optional fields without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .build();

    private EventJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON this codec wrote, e.g. a stored domain event. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode parseObject(String json) throws MalformedEventException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new MalformedEventException("event payload is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "event payload is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads an event of the given wire type, upcasting a retired version first. */
    public static IntegrationEvent decode(String type, ObjectNode json)
            throws MalformedEventException {
        return decode(type, json, EventCatalog.upcasters());
    }

    public static IntegrationEvent decode(String type, ObjectNode json, Upcasters upcasters)
            throws MalformedEventException {
        Upcasters.Upcasted current = upcasters.upcast(type, json);
        Class<? extends IntegrationEvent> target =
                EventCatalog.classOf(current.type())
                        .orElseThrow(
                                () ->
                                        new MalformedEventException(
                                                "unknown event type " + current.type()));
        try {
            IntegrationEvent event = MAPPER.treeToValue(current.json(), target);
            if (event.key() == null) {
                throw new MalformedEventException(current.type() + " names no client (its key)");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    current.type() + " does not match its contract: " + e.getOriginalMessage());
        }
    }
}
