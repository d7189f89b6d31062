package org.careloop.billing.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A session treatment documented, with everything a claim needs; VOIDED once entered in error. */
@Entity
@Table(name = "delivered_session")
public class DeliveredSession extends PanacheEntityBase {

    public static final String DOCUMENTED = "DOCUMENTED";
    public static final String VOIDED = "VOIDED";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    public String type;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public int minutes;

    public String modality;

    @Column(name = "client_location")
    public String clientLocation;

    @Column(name = "interactive_complexity")
    public boolean interactiveComplexity;

    @Column(name = "rendering_clinician")
    public String renderingClinician;

    @Column(name = "supervising_clinician")
    public String supervisingClinician;

    /** The diagnoses as JSON, the primary one first. */
    public String diagnoses;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "group_session_id")
    public UUID groupSessionId;

    @Column(name = "documented_at")
    public Instant documentedAt;

    public String status;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_by")
    public String voidedBy;
}
