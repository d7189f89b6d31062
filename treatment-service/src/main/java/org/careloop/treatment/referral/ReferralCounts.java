package org.careloop.treatment.referral;

/** A client's referrals that need the clinician: still open, overdue, completed awaiting review. */
public record ReferralCounts(int open, int overdue, int awaitingReview) {

    public static final ReferralCounts NONE = new ReferralCounts(0, 0, 0);

    ReferralCounts with(ReferralFollowUp followUp) {
        return new ReferralCounts(
                open + (followUp.open() ? 1 : 0),
                overdue + (followUp.open() && followUp.overdue() ? 1 : 0),
                awaitingReview
                        + (followUp.stage() == ReferralFollowUp.Stage.AWAITING_REVIEW ? 1 : 0));
    }
}
