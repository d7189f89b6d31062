package org.careloop.risk.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * What a console shows for one step of an alert. The client's primary clinician, when someone other
 * than the addressee, hears of each step too, in a copy marked {@code informational}: the ladder
 * and its acknowledgement stay with the on-call tiers.
 */
public record AlertNotice(
        String kind,
        UUID alertId,
        UUID clientId,
        String clientName,
        String clientPhone,
        String priority,
        String riskLevel,
        String reason,
        String tier,
        int step,
        String addressedTo,
        String primaryClinician,
        boolean informational,
        Instant raisedAt,
        Instant at) {

    /** Whether this clinician's console hears of the step. */
    boolean reaches(String username, boolean supervisor) {
        return supervisor || username.equals(addressedTo) || username.equals(primaryClinician);
    }

    /**
     * The step as this clinician's console shows it: for information only, unless it is theirs to
     * answer.
     */
    AlertNotice seenBy(String username, boolean supervisor) {
        boolean forInformation = !supervisor && !username.equals(addressedTo);
        return forInformation == informational
                ? this
                : new AlertNotice(
                        kind,
                        alertId,
                        clientId,
                        clientName,
                        clientPhone,
                        priority,
                        riskLevel,
                        reason,
                        tier,
                        step,
                        addressedTo,
                        primaryClinician,
                        forInformation,
                        raisedAt,
                        at);
    }
}
