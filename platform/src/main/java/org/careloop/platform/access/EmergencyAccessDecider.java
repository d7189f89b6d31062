package org.careloop.platform.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;

/**
 * Breaking the glass: anyone clinical may, with a reason, for a fixed time (HIPAA's emergency
 * access procedure, 45 CFR 164.312(a)(2)(ii)); the grant is reviewed afterwards, not approved
 * before.
 */
public final class EmergencyAccessDecider {

    private EmergencyAccessDecider() {}

    public static List<EmergencyAccessEvent> grant(
            UUID grantId,
            UUID clientId,
            BreakTheGlass command,
            List<EmergencyAccessEvent> history,
            String username,
            Instant now,
            Duration lasting) {
        if (!history.isEmpty()) {
            return List.of();
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.length() < 10) {
            throw new InvalidCommand(
                    "reason", "say why this is an emergency: at least 10 characters");
        }
        return List.of(
                new EmergencyAccessEvent.Granted(
                        grantId, clientId, username, reason, now, now.plus(lasting)));
    }
}
