package org.careloop.billing.pas;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a prior authorization request tells a payer: who is treated, by whom, under which
 * coverage, which services for which dates, and why (ICD-10-CM diagnoses such as {@code F33.1}).
 */
public record PasRequest(
        UUID authorizationId,
        UUID clientId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String memberId,
        String payerId,
        String payerName,
        String providerNpi,
        String providerName,
        Urgency urgency,
        List<RequestedService> services,
        LocalDate startDate,
        LocalDate endDate,
        List<String> diagnoses,
        String justification) {

    public PasRequest {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(providerNpi, "providerNpi");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        services = List.copyOf(services);
        diagnoses = List.copyOf(diagnoses);
        if (services.isEmpty()) {
            throw new IllegalArgumentException(
                    "a prior authorization asks for at least one service");
        }
        if (diagnoses.isEmpty()) {
            throw new IllegalArgumentException(
                    "a prior authorization names at least one diagnosis");
        }
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException(
                    "the end date " + endDate + " is before the start date " + startDate);
        }
    }
}
