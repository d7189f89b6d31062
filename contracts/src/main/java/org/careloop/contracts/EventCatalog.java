package org.careloop.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.contracts.access.EmergencyAccessReviewed;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.contracts.billing.AuthorizationDecided;
import org.careloop.contracts.billing.AuthorizationDecisionOverdue;
import org.careloop.contracts.billing.AuthorizationExhausted;
import org.careloop.contracts.billing.AuthorizationExpired;
import org.careloop.contracts.billing.AuthorizationExpiring;
import org.careloop.contracts.billing.AuthorizationNearlyExhausted;
import org.careloop.contracts.billing.AuthorizationReviewDue;
import org.careloop.contracts.billing.AuthorizationUnitsConsumed;
import org.careloop.contracts.billing.AuthorizationUnitsReturned;
import org.careloop.contracts.billing.ClaimHeld;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.contracts.intake.InboundReferralAccepted;
import org.careloop.contracts.intake.InboundReferralDeclined;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.contracts.referral.ReferralAccepted;
import org.careloop.contracts.referral.ReferralAppointmentBooked;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.contracts.risk.SafetyPlanUpdated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.contracts.treatment.GoalMet;
import org.careloop.contracts.treatment.GoalNoLongerMet;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.contracts.treatment.TreatmentPlanReviewDue;
import org.careloop.contracts.treatment.TreatmentPlanReviewRequired;

/** Every integration event the system knows, by its wire name, and the topic it travels on. */
public final class EventCatalog {

    private static final List<Class<? extends IntegrationEvent>> EVENTS =
            List.of(
                    ClientRegistered.class,
                    AssessmentCompleted.class,
                    ConsentRecorded.class,
                    ConsentRevoked.class,
                    RiskLevelChanged.class,
                    RiskEscalated.class,
                    RiskResolved.class,
                    CrisisAlertRaised.class,
                    AlertEscalated.class,
                    AlertAcknowledged.class,
                    SafetyPlanUpdated.class,
                    StaffCredentialed.class,
                    ClinicianAssigned.class,
                    ClinicianUnassigned.class,
                    TreatmentPlanApproved.class,
                    TreatmentPlanReviewDue.class,
                    TreatmentPlanReviewRequired.class,
                    GoalMet.class,
                    GoalNoLongerMet.class,
                    SessionDocumented.class,
                    SessionVoided.class,
                    ClientDischarged.class,
                    EmergencyAccessGranted.class,
                    EmergencyAccessReviewed.class,
                    RecordDisclosed.class,
                    AuthorizationDecided.class,
                    AuthorizationDecisionOverdue.class,
                    AuthorizationUnitsConsumed.class,
                    AuthorizationUnitsReturned.class,
                    AuthorizationNearlyExhausted.class,
                    AuthorizationExhausted.class,
                    AuthorizationExpiring.class,
                    AuthorizationExpired.class,
                    AuthorizationReviewDue.class,
                    ClaimHeld.class,
                    ReferralRequested.class,
                    ReferralAccepted.class,
                    ReferralRejected.class,
                    ReferralAppointmentBooked.class,
                    ReferralCompleted.class,
                    ReferralClosed.class,
                    ReferralCancelled.class,
                    ReferralFailed.class,
                    ReferralOverdue.class,
                    InboundReferralReceived.class,
                    InboundReferralAccepted.class,
                    InboundReferralDeclined.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_TYPE =
            EVENTS.stream()
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    EventCatalog::typeOf, Function.identity()));

    /** Upcasters for retired versions; empty until a breaking change retires one. */
    private static final Upcasters UPCASTERS = new Upcasters(List.of());

    private EventCatalog() {}

    public static List<Class<? extends IntegrationEvent>> events() {
        return EVENTS;
    }

    public static String typeOf(Class<?> event) {
        EventType type = event.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getName() + " has no @EventType");
        }
        return type.value();
    }

    public static Optional<Class<? extends IntegrationEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** {@code careloop.intake.ClientRegistered.v1} travels on {@code intake.events}. */
    public static String topicOf(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 4 || !parts[0].equals("careloop")) {
            throw new IllegalArgumentException("not a CareLoop event type: " + type);
        }
        return parts[1] + ".events";
    }

    public static Upcasters upcasters() {
        return UPCASTERS;
    }
}
