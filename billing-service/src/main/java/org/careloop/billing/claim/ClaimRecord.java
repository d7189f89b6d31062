package org.careloop.billing.claim;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.projection.JsonColumns;

/** A claim where it stands. */
@Entity
@Table(name = "claim")
public class ClaimRecord extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "payer_id")
    public String payerId;

    public String status;

    public String holds;

    public String lines;

    @Column(name = "total_charge")
    public BigDecimal totalCharge;

    @Column(name = "authorization_id")
    public UUID authorizationId;

    @Column(name = "authorization_number")
    public String authorizationNumber;

    @Column(name = "service_date")
    public LocalDate serviceDate;

    @Column(name = "export_id")
    public UUID exportId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<Hold> holds() {
        return JsonColumns.read(holds, new TypeReference<List<Hold>>() {});
    }

    public List<ClaimLine> lines() {
        return JsonColumns.read(lines, new TypeReference<List<ClaimLine>>() {});
    }
}
