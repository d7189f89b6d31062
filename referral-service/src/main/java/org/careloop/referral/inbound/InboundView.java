package org.careloop.referral.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner's inbound referral as the partner sees it: where it stands, when it was accepted, or
 * why it was declined; never the clinic's client id.
 */
public record InboundView(
        UUID inboundId,
        String partnerReference,
        InboundStatus status,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String serviceRequested,
        String urgency,
        Instant receivedAt,
        Instant acceptedAt,
        Instant declinedAt,
        String declineReason) {

    static InboundView of(InboundRecord record) {
        InboundStatus status = InboundStatus.valueOf(record.status);
        return new InboundView(
                record.inboundId,
                record.partnerReference,
                status,
                record.firstName,
                record.lastName,
                record.dateOfBirth,
                record.serviceRequested,
                record.urgency,
                record.receivedAt,
                status == InboundStatus.ACCEPTED ? record.decidedAt : null,
                status == InboundStatus.DECLINED ? record.decidedAt : null,
                record.declineReason);
    }
}
