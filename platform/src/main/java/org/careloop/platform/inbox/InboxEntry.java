package org.careloop.platform.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.Upcasters;
import org.careloop.contracts.codec.MalformedEventException;

/** An event a consumer has processed, kept as the history its projections are rebuilt from. */
@Entity
@Table(name = "inbox")
public class InboxEntry extends PanacheEntityBase {

    @Id public Long position;

    public String consumer;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public ReceivedEvent toReceived(Upcasters upcasters) throws MalformedEventException {
        return ReceivedEvent.of(
                eventId, eventType, source, subject, occurredAt, payload, upcasters);
    }
}
