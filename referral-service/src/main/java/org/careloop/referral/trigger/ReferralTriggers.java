package org.careloop.referral.trigger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.referral.careteam.PrimaryClinicians;
import org.careloop.referral.partner.PartnerDirectory;
import org.careloop.referral.partner.ServiceType;
import org.careloop.referral.referral.DraftFromTrigger;
import org.careloop.referral.referral.ReferralBook;
import org.careloop.referral.referral.Referrals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drafts the referrals other services' events ask for, in the consumer's transaction with its inbox
 * entry; must see an event before the primary clinicians do (a discharge clears them).
 */
@ApplicationScoped
public class ReferralTriggers {

    private static final Logger LOG = Logger.getLogger(ReferralTriggers.class);

    private final Referrals referrals;
    private final ReferralBook book;
    private final PrimaryClinicians primaries;
    private final PartnerDirectory partners;
    private final Optional<String> crisisPartner;
    private final ServiceType aftercareServiceType;

    ReferralTriggers(
            Referrals referrals,
            ReferralBook book,
            PrimaryClinicians primaries,
            PartnerDirectory partners,
            @ConfigProperty(name = "careloop.referrals.crisis-evaluation.partner")
                    Optional<String> crisisPartner,
            @ConfigProperty(name = "careloop.referrals.aftercare.service-type")
                    ServiceType aftercareServiceType) {
        this.referrals = referrals;
        this.book = book;
        this.primaries = primaries;
        this.partners = partners;
        this.crisisPartner = crisisPartner;
        this.aftercareServiceType = aftercareServiceType;
    }

    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case RiskEscalated escalated when TriggerDecider.HIGH.equals(escalated.level()) ->
                    riskEscalated(escalated);
            case ClientDischarged discharged -> discharged(received.eventId(), discharged);
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> riskEscalated(RiskEscalated escalated) {
        UUID client = escalated.clientId();
        return primaries
                .primaryOf(client)
                .flatMap(
                        primary ->
                                book.crisisReferralOpen(client)
                                        .flatMap(
                                                open ->
                                                        crisisPartner()
                                                                .map(
                                                                        partner ->
                                                                                TriggerDecider
                                                                                        .crisisEvaluation(
                                                                                                escalated,
                                                                                                primary,
                                                                                                open,
                                                                                                partner))))
                .flatMap(this::draft);
    }

    private Uni<Void> discharged(UUID eventId, ClientDischarged discharged) {
        return primaries
                .primaryBeforeDischarge(discharged.clientId())
                .map(
                        primary ->
                                TriggerDecider.stepDown(
                                        discharged, eventId, primary, aftercareServiceType))
                .flatMap(this::draft);
    }

    private Uni<Void> draft(Optional<DraftFromTrigger> draft) {
        return draft.map(referrals::draftFromTrigger).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * The clinic's partner for crisis evaluations, when one is configured and offers crisis
     * stabilisation; otherwise the referrer chooses.
     */
    private Uni<String> crisisPartner() {
        if (crisisPartner.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String partnerId = crisisPartner.get();
        return partners.find(partnerId)
                .map(
                        partner -> {
                            if (partner == null
                                    || !partner.offers(ServiceType.CRISIS_STABILISATION)) {
                                LOG.warnf(
                                        "careloop.referrals.crisis-evaluation.partner %s is not a"
                                                + " partner offering CRISIS_STABILISATION: the draft"
                                                + " names none",
                                        partnerId);
                                return null;
                            }
                            return partnerId;
                        });
    }
}
