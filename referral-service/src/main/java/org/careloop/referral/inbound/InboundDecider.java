package org.careloop.referral.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * Decides what a partner's inbound referral and intake's answer to it mean. Pure: the time and the
 * new id are passed in.
 */
public final class InboundDecider {

    /** As intake: a date of birth before this is a typing error. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private InboundDecider() {}

    /** The partner refers a person; the date of birth must be one intake can register. */
    public static List<InboundEvent> receive(
            InboundState state,
            UUID inboundId,
            String partnerId,
            ReferInbound command,
            Instant now,
            ZoneId clinicZone) {
        if (state.exists()) {
            throw Refused.conflict("inbound-referral-exists", "inbound referral " + inboundId);
        }
        if (command.dateOfBirth().isAfter(now.atZone(clinicZone).toLocalDate())) {
            throw new InvalidCommand("dateOfBirth", "must not be in the future");
        }
        if (command.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            throw new InvalidCommand("dateOfBirth", "must be on or after " + EARLIEST_BIRTH);
        }
        return List.of(
                new InboundEvent.Received(
                        inboundId,
                        partnerId,
                        blankToNull(command.partnerReference()),
                        command.firstName().strip(),
                        command.lastName().strip(),
                        command.dateOfBirth(),
                        blankToNull(command.phone()),
                        blankToNull(command.email()),
                        blankToNull(command.preferredLanguage()),
                        command.serviceRequested().strip(),
                        command.reason().strip(),
                        command.urgency(),
                        now));
    }

    /**
     * Intake accepted it. Only a referral still RECEIVED moves: the same answer again, or one about
     * a referral this service does not know, changes nothing.
     */
    public static List<InboundEvent> accepted(InboundState state, Instant at, String by) {
        return state.status() == InboundStatus.RECEIVED
                ? List.of(new InboundEvent.Accepted(state.inboundId(), at, by))
                : List.of();
    }

    /** Intake declined it; as {@link #accepted}, only a referral still RECEIVED moves. */
    public static List<InboundEvent> declined(
            InboundState state, String reason, Instant at, String by) {
        return state.status() == InboundStatus.RECEIVED
                ? List.of(new InboundEvent.Declined(state.inboundId(), reason, at, by))
                : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
