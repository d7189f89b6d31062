package org.careloop.billing.authorization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One session's use of an authorization's units; a void returns them and keeps the row. */
@Entity
@Table(name = "authorization_ledger")
@IdClass(LedgerEntry.Key.class)
public class LedgerEntry extends PanacheEntityBase {

    public record Key(UUID authorizationId, UUID sessionId, String cpt) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "authorization_id")
    public UUID authorizationId;

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id public String cpt;

    public int units;

    @Column(name = "service_date")
    public LocalDate serviceDate;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "returned_at")
    public Instant returnedAt;
}
