package org.careloop.treatment.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.DeadlineHandler;

/**
 * A plan version's review date came: TreatmentPlanReviewDue, once, in the transaction that claimed
 * the deadline (so a restart neither loses nor repeats it).
 */
@ApplicationScoped
public class PlanReviewClock implements DeadlineHandler {

    private final Plans plans;

    PlanReviewClock(Plans plans) {
        this.plans = plans;
    }

    @Override
    public String kind() {
        return Plans.REVIEW;
    }

    @Override
    public Uni<Runnable> due(Deadline deadline, Instant now) {
        return plans.reviewDue(deadline, now).replaceWith(() -> {});
    }
}
