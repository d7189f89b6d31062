package org.careloop.contracts.access;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.IntegrationEvent;

/**
 * A service disclosed part of a client's record outside the clinic (a referral sent to a partner, a
 * claim sent to a payer): one line of the client's accounting of disclosures. {@code purpose} is
 * TREATMENT, PAYMENT or HEALTH_CARE_OPERATIONS; {@code consentId} names the consent that permitted
 * it (null when none was needed); a Part 2 disclosure carries the {@code redisclosureNotice} it was
 * sent with. {@code service} is the disclosing service, e.g. {@code referral-service}.
 */
@EventType("careloop.access.RecordDisclosed.v1")
public record RecordDisclosed(
        UUID clientId,
        UUID disclosureId,
        String recipient,
        String purpose,
        boolean part2,
        UUID consentId,
        String what,
        String redisclosureNotice,
        Instant disclosedAt,
        String disclosedBy,
        String service)
        implements IntegrationEvent {}
