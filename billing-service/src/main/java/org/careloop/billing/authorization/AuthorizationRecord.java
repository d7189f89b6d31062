package org.careloop.billing.authorization;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.billing.AuthorizedService;
import org.careloop.platform.projection.JsonColumns;

/** An authorization where it stands: the request, the payer's answer, the units used. */
@Entity
@Table(name = "authorization_request")
public class AuthorizationRecord extends PanacheEntityBase {

    static final TypeReference<List<AuthorizedService>> SERVICES = new TypeReference<>() {};

    @Id
    @Column(name = "authorization_id")
    public UUID authorizationId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "payer_id")
    public String payerId;

    public String status;

    public String outcome;

    public String urgency;

    @Column(name = "authorization_number")
    public String authorizationNumber;

    @Column(name = "requested_services")
    public String requestedServices;

    @Column(name = "approved_services")
    public String approvedServices;

    @Column(name = "used_services")
    public String usedServices;

    @Column(name = "requested_start")
    public LocalDate requestedStart;

    @Column(name = "requested_end")
    public LocalDate requestedEnd;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public String diagnoses;

    public String justification;

    public String reason;

    public boolean electronic;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decision_due_at")
    public Instant decisionDueAt;

    @Column(name = "decision_overdue")
    public boolean decisionOverdue;

    @Column(name = "nearly_exhausted")
    public boolean nearlyExhausted;

    public boolean expiring;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<AuthorizedService> requested() {
        return JsonColumns.read(requestedServices, SERVICES);
    }

    public List<AuthorizedService> approved() {
        List<AuthorizedService> services = JsonColumns.read(approvedServices, SERVICES);
        return services == null ? List.of() : services;
    }

    public List<AuthorizedService> used() {
        List<AuthorizedService> services = JsonColumns.read(usedServices, SERVICES);
        return services == null ? List.of() : services;
    }

    public int approvedUnits() {
        return approved().stream().mapToInt(AuthorizedService::units).sum();
    }

    public int usedUnits() {
        return used().stream().mapToInt(AuthorizedService::units).sum();
    }

    public int remainingUnits() {
        return approvedUnits() - usedUnits();
    }

    public int remaining(String cpt) {
        int approved =
                approved().stream()
                        .filter(s -> s.cpt().equals(cpt))
                        .mapToInt(AuthorizedService::units)
                        .sum();
        int used =
                used().stream()
                        .filter(s -> s.cpt().equals(cpt))
                        .mapToInt(AuthorizedService::units)
                        .sum();
        return approved - used;
    }

    public boolean authorizes(String cpt) {
        return approved().stream().anyMatch(s -> s.cpt().equals(cpt));
    }

    public boolean covers(LocalDate day) {
        return startDate != null && !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
