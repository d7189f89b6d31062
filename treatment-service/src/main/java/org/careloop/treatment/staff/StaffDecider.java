package org.careloop.treatment.staff;

import java.time.Instant;
import java.util.List;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * The rules of a staff record: an NPI must pass its check digit, and whoever is not licensed names
 * a licensed supervisor, who co-signs their work (clinical reference, "Treatment plans").
 */
public final class StaffDecider {

    private StaffDecider() {}

    /**
     * @param supervisorRecord the named supervisor's current record; null when there is none
     */
    public static List<StaffEvent> credential(
            String username,
            CredentialStaff command,
            StaffEvent.Credentialed current,
            StaffEvent.Credentialed supervisorRecord,
            String by,
            Instant now) {
        boolean licensed = command.licensed();
        if (licensed && command.credential().supervisedByDefinition()) {
            throw new InvalidCommand(
                    "licensed", command.credential() + " is not an independent licence");
        }
        if (command.npi() != null && !Npi.valid(command.npi())) {
            throw new InvalidCommand("npi", "is not a valid NPI: its check digit does not match");
        }
        String supervisor = blankToNull(command.supervisor());
        if (!licensed) {
            if (supervisor == null) {
                throw new InvalidCommand(
                        "supervisor", "is required: who is not licensed works under a supervisor");
            }
            if (supervisor.equals(username)) {
                throw new InvalidCommand("supervisor", "cannot be the staff member themself");
            }
            if (supervisorRecord == null) {
                throw Refused.notFound(
                        "supervisor", "no staff record for supervisor " + supervisor);
            }
            if (!supervisorRecord.licensed()) {
                throw new InvalidCommand(
                        "supervisor", supervisor + " is not licensed and cannot supervise");
            }
        }
        StaffEvent.Credentialed next =
                new StaffEvent.Credentialed(
                        username,
                        command.displayName().strip(),
                        command.credential(),
                        licensed,
                        licensed ? null : supervisor,
                        command.npi(),
                        now,
                        by);
        if (current != null && sameRecord(current, next)) {
            return List.of();
        }
        return List.of(next);
    }

    private static boolean sameRecord(StaffEvent.Credentialed a, StaffEvent.Credentialed b) {
        return a.displayName().equals(b.displayName())
                && a.credential() == b.credential()
                && a.licensed() == b.licensed()
                && java.util.Objects.equals(a.supervisor(), b.supervisor())
                && java.util.Objects.equals(a.npi(), b.npi());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
