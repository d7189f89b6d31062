package org.careloop.treatment.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff member's current credential, as the roster shows it. */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id public String username;

    @Column(name = "display_name")
    public String displayName;

    public String credential;

    public boolean licensed;

    public String supervisor;

    public String npi;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The record as the decider of a dependent command reads it. */
    public StaffEvent.Credentialed asRecord() {
        return new StaffEvent.Credentialed(
                username,
                displayName,
                Credential.valueOf(credential),
                licensed,
                supervisor,
                npi,
                updatedAt,
                updatedBy);
    }
}
