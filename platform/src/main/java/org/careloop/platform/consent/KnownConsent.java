package org.careloop.platform.consent;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.platform.projection.JsonColumns;

/** A client's consent as this service knows it from intake's events. */
@Entity
@Table(name = "consent_registry")
public class KnownConsent extends PanacheEntityBase {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "client_id")
    public UUID clientId;

    public String kind;

    public String recipient;

    /** The purposes as a JSON array of names. */
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

    static KnownConsent recorded(ConsentRecorded event) {
        KnownConsent consent = new KnownConsent();
        consent.consentId = event.consentId();
        consent.clientId = event.clientId();
        consent.kind = event.kind();
        consent.recipient = event.recipient();
        consent.purposes =
                JsonColumns.write(event.purposes() == null ? List.of() : event.purposes());
        consent.coversPart2 = event.coversPart2();
        consent.effectiveOn = event.effectiveOn();
        consent.expiresOn = event.expiresOn();
        consent.recordedAt = event.recordedAt();
        consent.recordedBy = event.recordedBy();
        return consent;
    }

    void revoke(ConsentRevoked event) {
        if (revokedAt == null) {
            revokedAt = event.revokedAt();
            revokedBy = event.revokedBy();
            revocationReason = event.reason();
        }
    }

    /**
     * The consent for a disclosure check; empty for a kind this build does not know (it permits
     * nothing here). A purpose this build does not know is left out.
     */
    public Optional<ClientConsent> toClientConsent() {
        ConsentKind known = known(ConsentKind.class, kind);
        if (known == null) {
            return Optional.empty();
        }
        Set<Purpose> named = EnumSet.noneOf(Purpose.class);
        for (String purpose : JsonColumns.read(purposes, STRINGS)) {
            Purpose p = known(Purpose.class, purpose);
            if (p != null) {
                named.add(p);
            }
        }
        return Optional.of(
                new ClientConsent(
                        consentId,
                        known,
                        recipient,
                        named,
                        coversPart2,
                        effectiveOn,
                        expiresOn,
                        revokedAt != null));
    }

    private static <T extends Enum<T>> T known(Class<T> type, String name) {
        for (T constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
