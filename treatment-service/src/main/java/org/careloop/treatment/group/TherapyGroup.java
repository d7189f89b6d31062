package org.careloop.treatment.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A therapy group, who leads it and the sessions it held. */
@Entity
@Table(name = "therapy_group")
public class TherapyGroup extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    public String name;

    public String facilitator;

    /** The co-facilitators, as JSON. */
    @Column(name = "co_facilitators")
    public String coFacilitators;

    /** The sessions held, as JSON, oldest first. */
    public String sessions;

    @Column(name = "formed_at")
    public Instant formedAt;

    @Column(name = "formed_by")
    public String formedBy;
}
