package org.careloop.risk.oncall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One clinician holding one tier of the on-call rota for a period. */
@Entity
@Table(name = "on_call_shift")
public class OnCallShift extends PanacheEntityBase {

    @Id
    @Column(name = "shift_id")
    public UUID shiftId;

    public String clinician;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "scheduled_by")
    public String scheduledBy;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;
}
