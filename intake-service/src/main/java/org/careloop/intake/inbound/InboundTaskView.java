package org.careloop.intake.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inbound referral as intake coordinators work it. */
public record InboundTaskView(
        UUID inboundId,
        InboundStatus status,
        Partner partner,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        String serviceRequested,
        String reason,
        String urgency,
        Instant receivedAt,
        UUID clientId,
        Instant decidedAt,
        String decidedBy,
        String declineReason) {

    /** Who referred: the directory's id and name, and the partner's own id for the referral. */
    public record Partner(String partnerId, String name, String reference) {}

    static InboundTaskView of(InboundTask task) {
        return new InboundTaskView(
                task.inboundId,
                InboundStatus.valueOf(task.status),
                new Partner(task.partnerId, task.partnerName, task.partnerReference),
                task.firstName,
                task.lastName,
                task.dateOfBirth,
                task.phone,
                task.email,
                task.preferredLanguage,
                task.serviceRequested,
                task.reason,
                task.urgency,
                task.receivedAt,
                task.clientId,
                task.decidedAt,
                task.decidedBy,
                task.declineReason);
    }
}
