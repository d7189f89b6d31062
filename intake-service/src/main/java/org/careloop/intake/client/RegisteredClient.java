package org.careloop.intake.client;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of intake's client registry: the current registration record of one client. */
@Entity
@Table(name = "client_registry")
public class RegisteredClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "preferred_name")
    public String preferredName;

    public String pronouns;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String phone;

    public String email;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    public int version;
}
