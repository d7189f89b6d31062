package org.careloop.treatment.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each client's referrals and where their follow-up stands, projected from referral-service's
 * events for the caseload and rebuilt from the inbox history of the service's consumer.
 */
@ApplicationScoped
public class ClientReferrals implements InboxProjection {

    private static final List<String> FOLLOWED =
            List.of(
                    ReferralFollowUp.Stage.OPEN.name(),
                    ReferralFollowUp.Stage.AWAITING_REVIEW.name());

    private final String consumer;

    ClientReferrals(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "referrals";
    }

    @Override
    public String table() {
        return "client_referral";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return ClientReferral.deleteAll().replaceWithVoid();
    }

    /**
     * The counts of each of these clients who has a referral to follow; in the caller's session.
     */
    public Uni<Map<UUID, ReferralCounts>> countsOf(Collection<UUID> clients) {
        return ClientReferral.<ClientReferral>list(
                        "clientId in ?1 and stage in ?2", clients, FOLLOWED)
                .map(
                        rows -> {
                            Map<UUID, ReferralCounts> counts = new HashMap<>();
                            for (ClientReferral row : rows) {
                                counts.put(
                                        row.clientId,
                                        counts.getOrDefault(row.clientId, ReferralCounts.NONE)
                                                .with(row.followUp()));
                            }
                            return counts;
                        });
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case ReferralRequested requested -> requested(requested);
            case ReferralOverdue overdue -> follow(overdue.referralId(), overdue);
            case ReferralCompleted completed -> follow(completed.referralId(), completed);
            case ReferralClosed closed -> follow(closed.referralId(), closed);
            case ReferralRejected rejected -> follow(rejected.referralId(), rejected);
            case ReferralCancelled cancelled -> follow(cancelled.referralId(), cancelled);
            case ReferralFailed failed -> follow(failed.referralId(), failed);
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> requested(ReferralRequested requested) {
        return ClientReferral.<ClientReferral>findById(requested.referralId())
                .flatMap(
                        known -> {
                            // A resend of the request (another event id) is the same referral.
                            if (known != null) {
                                return Uni.createFrom().voidItem();
                            }
                            ReferralFollowUp followUp = ReferralFollowUp.evolve(null, requested);
                            ClientReferral referral = new ClientReferral();
                            referral.referralId = requested.referralId();
                            referral.clientId = requested.clientId();
                            referral.partnerId = requested.partnerId();
                            referral.stage = followUp.stage().name();
                            referral.overdue = followUp.overdue();
                            referral.requestedAt = requested.requestedAt();
                            return referral.persist().replaceWithVoid();
                        });
    }

    private Uni<Void> follow(UUID referralId, IntegrationEvent event) {
        return ClientReferral.<ClientReferral>findById(referralId)
                .invoke(
                        referral -> {
                            if (referral == null) {
                                return;
                            }
                            ReferralFollowUp next =
                                    ReferralFollowUp.evolve(referral.followUp(), event);
                            referral.stage = next.stage().name();
                            referral.overdue = next.overdue();
                        })
                .replaceWithVoid();
    }
}
