package org.careloop.referral.referral;

import java.util.UUID;

/**
 * What started a draft that no clinician started: another service's event and the id of its source
 * (the risk episode that escalated to HIGH; the ClientDischarged event).
 */
public record Origin(Kind kind, UUID sourceId) {

    public enum Kind {
        RISK_ESCALATED,
        CLIENT_DISCHARGED
    }
}
