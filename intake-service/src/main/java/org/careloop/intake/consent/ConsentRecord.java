package org.careloop.intake.consent;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.consent.ClientConsent;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.projection.JsonColumns;

/** A row of intake's consent register: one consent of a client, with its revocation if any. */
@Entity
@Table(name = "client_consent")
public class ConsentRecord extends PanacheEntityBase {

    static final TypeReference<List<Purpose>> PURPOSES = new TypeReference<>() {};

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "client_id")
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    public ConsentKind kind;

    public String recipient;

    /** The purposes as a JSON array of names, in the order they were given. */
    public String purposes;

    @Column(name = "covers_part2")
    public boolean coversPart2;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason")
    public String revocationReason;

    public int version;

    List<Purpose> purposeList() {
        return JsonColumns.read(purposes, PURPOSES);
    }

    ClientConsent toClientConsent() {
        return new ClientConsent(
                consentId,
                kind,
                recipient,
                Set.copyOf(purposeList()),
                coversPart2,
                effectiveOn,
                expiresOn,
                revokedAt != null);
    }
}
