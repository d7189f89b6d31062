package org.careloop.billing.payer;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.careloop.platform.projection.JsonColumns;

/** A payer as billing applies it: its name and rules. */
@Entity
@Table(name = "payer")
public class PayerRecord extends PanacheEntityBase {

    @Id
    @Column(name = "payer_id")
    public String payerId;

    public String name;

    public String rules;

    public boolean electronic;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public PayerRules rules() {
        return JsonColumns.read(rules, new TypeReference<PayerRules>() {});
    }
}
