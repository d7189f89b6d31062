package org.careloop.treatment.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One documented session and where its note stands. */
@Entity
@Table(name = "session_record")
public class SessionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    public String author;

    @Column(name = "author_supervisor")
    public String authorSupervisor;

    public String status;

    public String type;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String modality;

    @Column(name = "client_location")
    public String clientLocation;

    @Column(name = "interactive_complexity")
    public boolean interactiveComplexity;

    /** The note as JSON. */
    public String note;

    /** The objectives addressed, as JSON. */
    public String objectives;

    @Column(name = "risk_reviewed")
    public boolean riskReviewed;

    /** The addenda, as JSON, in order. */
    public String addenda;

    @Column(name = "group_session_id")
    public UUID groupSessionId;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "cosigned_at")
    public Instant cosignedAt;

    @Column(name = "cosigned_by")
    public String cosignedBy;

    @Column(name = "documented_at")
    public Instant documentedAt;

    /** The diagnoses the final note carried, as JSON. */
    public String diagnoses;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "drafted_at")
    public Instant draftedAt;
}
