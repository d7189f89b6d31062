package org.careloop.referral.referral;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.DeadlineHandler;

/**
 * A referral's SLA clocks: acceptance and first appointment. Each fires once, in the transaction
 * that claimed it, so a restart neither loses nor repeats it.
 */
abstract class ReferralClock implements DeadlineHandler {

    private final Referrals referrals;
    private final String kind;

    ReferralClock(Referrals referrals, String kind) {
        this.referrals = referrals;
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Uni<Runnable> due(Deadline deadline, Instant now) {
        return referrals.due(deadline, now).replaceWith(() -> {});
    }

    @Singleton
    static class Acceptance extends ReferralClock {
        Acceptance(Referrals referrals) {
            super(referrals, Referrals.ACCEPTANCE);
        }
    }

    @Singleton
    static class FirstAppointment extends ReferralClock {
        FirstAppointment(Referrals referrals) {
            super(referrals, Referrals.FIRST_APPOINTMENT);
        }
    }
}
