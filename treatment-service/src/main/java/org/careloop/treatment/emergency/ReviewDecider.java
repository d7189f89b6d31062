package org.careloop.treatment.emergency;

import java.time.Instant;
import java.util.List;
import org.careloop.platform.problem.Refused;

/**
 * Reviewing an emergency access: once, by a supervisor who is not the person who broke the glass
 * (HIPAA's audit controls are examined by someone other than the one audited).
 */
public final class ReviewDecider {

    private ReviewDecider() {}

    /**
     * @param grant the grant as every service knows it; null when no such grant has arrived here
     */
    public static List<ReviewEvent> review(
            Grant grant,
            ReviewEmergencyAccess command,
            List<ReviewEvent> history,
            String by,
            Instant now) {
        if (grant == null) {
            throw Refused.notFound("grant", "no emergency access with this id is known here");
        }
        if (grant.username().equals(by)) {
            throw Refused.forbidden(
                    "own-emergency-access", "an emergency access is reviewed by someone else");
        }
        if (!history.isEmpty()) {
            throw Refused.conflict(
                    "already-reviewed",
                    "this emergency access was reviewed by "
                            + ((ReviewEvent.Reviewed) history.getFirst()).reviewedBy());
        }
        String note =
                command.note() == null || command.note().isBlank() ? null : command.note().strip();
        return List.of(
                new ReviewEvent.Reviewed(
                        grant.grantId(), grant.clientId(), command.finding(), note, by, now));
    }

    /** The grant under review. */
    public record Grant(java.util.UUID grantId, java.util.UUID clientId, String username) {}
}
