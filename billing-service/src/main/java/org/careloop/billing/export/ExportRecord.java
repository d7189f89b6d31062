package org.careloop.billing.export;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An 837P interchange as written. */
@Entity
@Table(name = "claim_export")
public class ExportRecord extends PanacheEntityBase {

    @Id
    @Column(name = "export_id")
    public UUID exportId;

    @Column(name = "control_number")
    public long controlNumber;

    @Column(name = "claim_count")
    public int claimCount;

    @Column(name = "total_charge")
    public BigDecimal totalCharge;

    public String content;

    /** JSON array of the claims left out, each {claimId, reason}. */
    @Column(name = "left_out")
    public String leftOut;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
