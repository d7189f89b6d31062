package org.careloop.treatment.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class StaffDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");
    static final StaffEvent.Credentialed SUPERVISOR =
            new StaffEvent.Credentialed(
                    "supervisor1",
                    "Dr. Lee",
                    Credential.PSYCHOLOGIST,
                    true,
                    null,
                    "1245319599",
                    NOW,
                    "admin1");

    @Test
    void anNpiPassesOnlyWithItsCheckDigit() {
        // CMS's worked example: 123456789 with check digit 3.
        assertTrue(Npi.valid("1234567893"));
        assertTrue(Npi.valid("1245319599"));
        assertFalse(Npi.valid("1234567890"));
        assertFalse(Npi.valid("1245319590"));
        assertFalse(Npi.valid("3234567893"), "an NPI starts with 1 or 2");
        assertFalse(Npi.valid("123456789"));
    }

    @Test
    void anAssociateWorksUnderALicensedSupervisor() {
        List<StaffEvent> events =
                StaffDecider.credential(
                        "associate1",
                        new CredentialStaff(
                                "Sam Rivera",
                                Credential.ASSOCIATE,
                                false,
                                "supervisor1",
                                "1234567893"),
                        null,
                        SUPERVISOR,
                        "supervisor1",
                        NOW);

        StaffEvent.Credentialed recorded = (StaffEvent.Credentialed) events.get(0);
        assertEquals("supervisor1", recorded.supervisor());
        assertFalse(recorded.licensed());
    }

    @Test
    void whoIsNotLicensedNamesASupervisor() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                StaffDecider.credential(
                                        "associate1",
                                        new CredentialStaff(
                                                "Sam", Credential.ASSOCIATE, false, null, null),
                                        null,
                                        null,
                                        "supervisor1",
                                        NOW));
        assertEquals("supervisor", e.problem().errors().get(0).field());
    }

    @Test
    void theSupervisorIsAKnownLicensedClinician() {
        ProblemException unknown =
                assertThrows(
                        ProblemException.class,
                        () ->
                                StaffDecider.credential(
                                        "associate1",
                                        new CredentialStaff(
                                                "Sam", Credential.ASSOCIATE, false, "nobody", null),
                                        null,
                                        null,
                                        "supervisor1",
                                        NOW));
        assertEquals(404, unknown.problem().status());
        StaffEvent.Credentialed trainee =
                new StaffEvent.Credentialed(
                        "trainee1", "T", Credential.TRAINEE, false, "supervisor1", null, NOW, "x");
        InvalidCommand unlicensed =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                StaffDecider.credential(
                                        "associate1",
                                        new CredentialStaff(
                                                "Sam",
                                                Credential.ASSOCIATE,
                                                false,
                                                "trainee1",
                                                null),
                                        null,
                                        trainee,
                                        "supervisor1",
                                        NOW));
        assertEquals("supervisor", unlicensed.problem().errors().get(0).field());
    }

    @Test
    void anAssociateIsNeverIndependentlyLicensed() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                StaffDecider.credential(
                                        "associate1",
                                        new CredentialStaff(
                                                "Sam", Credential.ASSOCIATE, true, null, null),
                                        null,
                                        null,
                                        "supervisor1",
                                        NOW));
        assertEquals("licensed", e.problem().errors().get(0).field());
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheField() {
        InvalidCommand e =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                StaffDecider.credential(
                                        "clinician1",
                                        new CredentialStaff(
                                                "Dana", Credential.LCSW, true, null, "1234567890"),
                                        null,
                                        null,
                                        "admin1",
                                        NOW));
        assertEquals("npi", e.problem().errors().get(0).field());
    }

    @Test
    void recordingTheSameCredentialAgainChangesNothing() {
        CredentialStaff same =
                new CredentialStaff("Dr. Lee", Credential.PSYCHOLOGIST, true, null, "1245319599");
        assertTrue(
                StaffDecider.credential("supervisor1", same, SUPERVISOR, null, "admin1", NOW)
                        .isEmpty());
    }
}
