package org.careloop.risk.alert;

import java.time.Instant;
import java.util.UUID;

/** What the on-call console shows for one step of an alert. */
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
        Instant raisedAt,
        Instant at) {}
