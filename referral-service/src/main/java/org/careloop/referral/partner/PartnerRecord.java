package org.careloop.referral.partner;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.projection.JsonColumns;

/** A partner as the directory holds it. */
@Entity
@Table(name = "partner")
public class PartnerRecord extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    public String name;

    /** JSON array of service types. */
    public String services;

    public String phone;

    public String email;

    public boolean electronic;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public List<ServiceType> services() {
        return JsonColumns.read(services, new TypeReference<List<ServiceType>>() {});
    }

    public boolean offers(ServiceType service) {
        return services().contains(service);
    }
}
