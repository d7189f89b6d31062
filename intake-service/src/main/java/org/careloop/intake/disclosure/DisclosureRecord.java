package org.careloop.intake.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of a client's accounting of disclosures: one record sent outside the clinic. */
@Entity
@Table(name = "disclosure_log")
public class DisclosureRecord extends PanacheEntityBase {

    @Id
    @Column(name = "disclosure_id")
    public UUID disclosureId;

    @Column(name = "client_id")
    public UUID clientId;

    public String recipient;

    public String purpose;

    public boolean part2;

    @Column(name = "consent_id")
    public UUID consentId;

    public String what;

    @Column(name = "redisclosure_notice")
    public String redisclosureNotice;

    @Column(name = "disclosed_at")
    public Instant disclosedAt;

    @Column(name = "disclosed_by")
    public String disclosedBy;

    public String service;
}
