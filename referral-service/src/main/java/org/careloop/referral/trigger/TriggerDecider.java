package org.careloop.referral.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.referral.partner.ServiceType;
import org.careloop.referral.referral.DraftFromTrigger;
import org.careloop.referral.referral.Origin;
import org.careloop.referral.referral.Urgency;

/**
 * Which draft another service's event asks for: risk escalated to HIGH asks for an emergent crisis
 * evaluation, a discharge with aftercare for a routine step-down. Each draft's id is named after
 * its source, so a source drafts once however often it arrives; none is ever sent but by a person.
 */
public final class TriggerDecider {

    static final String HIGH = "HIGH";

    private TriggerDecider() {}

    /**
     * An EMERGENT CRISIS_STABILISATION draft for the client's primary clinician (unassigned when
     * there is none, for a supervisor to see), unless the risk is below HIGH or an emergent crisis
     * referral is already open for the client.
     */
    public static Optional<DraftFromTrigger> crisisEvaluation(
            RiskEscalated escalated,
            String primaryClinician,
            boolean crisisReferralOpen,
            String partnerId) {
        if (!HIGH.equals(escalated.level()) || crisisReferralOpen) {
            return Optional.empty();
        }
        String why = escalated.reason() == null ? "" : escalated.reason().strip();
        return Optional.of(
                new DraftFromTrigger(
                        crisisReferralId(escalated.episodeId()),
                        escalated.clientId(),
                        new Origin(Origin.Kind.RISK_ESCALATED, escalated.episodeId()),
                        ServiceType.CRISIS_STABILISATION,
                        Urgency.EMERGENT,
                        "Crisis evaluation: risk escalated to HIGH"
                                + (why.isEmpty() ? "" : " — " + why),
                        primaryClinician,
                        partnerId));
    }

    /**
     * A ROUTINE step-down draft of the configured service type for the primary clinician as they
     * were before the discharge (or the discharging clinician), when the discharge names aftercare.
     */
    public static Optional<DraftFromTrigger> stepDown(
            ClientDischarged discharged,
            UUID eventId,
            String primaryBeforeDischarge,
            ServiceType serviceType) {
        if (discharged.aftercare() == null || discharged.aftercare().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new DraftFromTrigger(
                        stepDownReferralId(eventId),
                        discharged.clientId(),
                        new Origin(Origin.Kind.CLIENT_DISCHARGED, eventId),
                        serviceType,
                        Urgency.ROUTINE,
                        "Step-down after discharge: " + discharged.aftercare().strip(),
                        primaryBeforeDischarge == null
                                ? discharged.dischargedBy()
                                : primaryBeforeDischarge,
                        null));
    }

    /** The crisis referral of a risk episode: one per episode. */
    public static UUID crisisReferralId(UUID episodeId) {
        return named("careloop-referral-crisis:" + episodeId);
    }

    /** The step-down referral of a discharge, by the ClientDischarged event's id. */
    public static UUID stepDownReferralId(UUID dischargeEventId) {
        return named("careloop-referral-step-down:" + dischargeEventId);
    }

    private static UUID named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
