package org.careloop.treatment.referral;

import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;

/**
 * Where a referral sent for a client stands for the referring clinician's follow-up, folded from
 * referral-service's events.
 */
public record ReferralFollowUp(Stage stage, boolean overdue) {

    /**
     * OPEN until the partner answers with an end; AWAITING_REVIEW until the clinician closes it.
     */
    public enum Stage {
        OPEN,
        AWAITING_REVIEW,
        CLOSED,
        REJECTED,
        CANCELLED,
        FAILED
    }

    public boolean open() {
        return stage == Stage.OPEN;
    }

    /**
     * The follow-up after {@code event}; {@code current} is null until the referral was requested,
     * and an event of a referral never requested here changes nothing.
     */
    public static ReferralFollowUp evolve(ReferralFollowUp current, IntegrationEvent event) {
        if (current == null) {
            return event instanceof ReferralRequested
                    ? new ReferralFollowUp(Stage.OPEN, false)
                    : null;
        }
        return switch (event) {
            case ReferralOverdue ignored ->
                    current.open() ? new ReferralFollowUp(Stage.OPEN, true) : current;
            case ReferralCompleted ignored -> ended(current, Stage.AWAITING_REVIEW);
            case ReferralRejected ignored -> ended(current, Stage.REJECTED);
            case ReferralCancelled ignored -> ended(current, Stage.CANCELLED);
            case ReferralFailed ignored -> ended(current, Stage.FAILED);
            case ReferralClosed ignored -> new ReferralFollowUp(Stage.CLOSED, false);
            case null, default -> current;
        };
    }

    /** Only an open referral ends; an end never reopens or replaces another. */
    private static ReferralFollowUp ended(ReferralFollowUp current, Stage stage) {
        return current.open() ? new ReferralFollowUp(stage, false) : current;
    }
}
