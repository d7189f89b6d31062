package org.careloop.referral.worklist;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.function.Predicate;
import org.careloop.platform.identity.Staff;
import org.careloop.referral.referral.ReferralBook;
import org.careloop.referral.referral.ReferralRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The referral worklist. */
@Path("/worklist")
@Tag(name = "Worklist")
public class WorklistResource {

    private final ReferralBook referrals;
    private final Staff caller;

    WorklistResource(ReferralBook referrals, Staff caller) {
        this.referrals = referrals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "What needs doing on referrals: drafts to send, overdue partners, outcomes to review, with"
                            + " counts; a clinician's own referrals, a supervisor's view of all")
    public Uni<Worklist> worklist() {
        String referrer = caller.hasRole("supervisor") ? null : caller.username();
        return Panache.withSession(() -> referrals.needingAttention(referrer))
                .map(WorklistResource::worklist);
    }

    private static Worklist worklist(List<ReferralRecord> attention) {
        List<Worklist.Item> drafts = items(attention, r -> "DRAFT".equals(r.status));
        List<Worklist.Item> overdue =
                items(
                        attention,
                        r ->
                                r.overdue()
                                        && !"DRAFT".equals(r.status)
                                        && !"COMPLETED".equals(r.status));
        List<Worklist.Item> review = items(attention, r -> "COMPLETED".equals(r.status));
        return new Worklist(
                new Worklist.Counts(drafts.size(), overdue.size(), review.size()),
                drafts,
                overdue,
                review);
    }

    private static List<Worklist.Item> items(
            List<ReferralRecord> all, Predicate<ReferralRecord> which) {
        return all.stream()
                .filter(which)
                .map(
                        r ->
                                new Worklist.Item(
                                        r.referralId,
                                        r.clientId,
                                        r.partnerId,
                                        r.serviceType,
                                        r.urgency,
                                        r.status,
                                        r.referredBy,
                                        r.origin(),
                                        r.acceptanceOverdue,
                                        r.seenOverdue,
                                        r.updatedAt))
                .toList();
    }
}
