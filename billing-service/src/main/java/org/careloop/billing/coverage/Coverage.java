package org.careloop.billing.coverage;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.careloop.platform.projection.JsonColumns;

/** A client's coverage with one payer. */
@Entity
@Table(name = "coverage")
@IdClass(Coverage.Key.class)
public class Coverage extends PanacheEntityBase {

    public record Key(UUID clientId, String payerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Id
    @Column(name = "payer_id")
    public String payerId;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "group_number")
    public String groupNumber;

    public String relationship;

    public String subscriber;

    public String priority;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public boolean inEffectOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public RecordCoverage.Subscriber subscriber() {
        return JsonColumns.read(subscriber, new TypeReference<RecordCoverage.Subscriber>() {});
    }
}
