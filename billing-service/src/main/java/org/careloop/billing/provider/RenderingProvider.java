package org.careloop.billing.provider;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff member as a claim names them: credential, licence, supervisor and NPI. */
@Entity
@Table(name = "rendering_provider")
public class RenderingProvider extends PanacheEntityBase {

    @Id public String username;

    @Column(name = "display_name")
    public String displayName;

    public String credential;

    public boolean licensed;

    public String supervisor;

    public String npi;

    @Column(name = "credentialed_at")
    public Instant credentialedAt;

    @Column(name = "credentialed_by")
    public String credentialedBy;
}
