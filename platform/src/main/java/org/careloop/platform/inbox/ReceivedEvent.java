package org.careloop.platform.inbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.Upcasters;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.codec.MalformedEventException;
import org.careloop.platform.messaging.CloudEventHeaders;

/**
 * An integration event as a consumer received it, at the current version of its contract: a retired
 * version is upcast first. {@code event} is empty for a type this build does not know yet (a newer
 * producer): such an event is kept in the inbox's history but changes nothing.
 */
public record ReceivedEvent(
        UUID eventId,
        String type,
        String source,
        String subject,
        Instant occurredAt,
        String payload,
        Optional<IntegrationEvent> event) {

    public static ReceivedEvent from(ConsumerRecord<String, String> record, Upcasters upcasters)
            throws MalformedEventException {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("missing CloudEvents header ce_id or ce_type");
        }
        return of(
                uuid(id),
                type,
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                instant(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME)),
                record.value(),
                upcasters);
    }

    public static ReceivedEvent of(
            UUID eventId,
            String type,
            String source,
            String subject,
            Instant occurredAt,
            String payload,
            Upcasters upcasters)
            throws MalformedEventException {
        if (payload == null) {
            throw new MalformedEventException("message has no value");
        }
        Optional<IntegrationEvent> event =
                EventCatalog.classOf(upcasters.currentType(type)).isPresent()
                        ? Optional.of(
                                EventJson.decode(type, EventJson.parseObject(payload), upcasters))
                        : Optional.empty();
        return new ReceivedEvent(eventId, type, source, subject, occurredAt, payload, event);
    }

    private static UUID uuid(String id) throws MalformedEventException {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID: " + id);
        }
    }

    private static Instant instant(String time) throws MalformedEventException {
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + time);
        }
    }
}
