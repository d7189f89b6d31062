package org.careloop.risk.risklevel;

import io.smallrye.mutiny.Uni;

/**
 * What follows a client's escalation (a crisis alert to the on-call tiers). Runs in the transaction
 * that recorded the escalation.
 */
public interface CrisisResponse {

    Uni<Void> escalated(RiskEvent.Escalated escalation);
}
