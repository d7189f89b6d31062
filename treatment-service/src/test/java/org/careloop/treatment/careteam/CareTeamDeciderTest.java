package org.careloop.treatment.careteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CareTeamDeciderTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    static List<CareTeamEvent> withPrimary() {
        return CareTeamDecider.assign(
                CareTeam.EMPTY,
                CLIENT,
                "associate1",
                CareTeamRole.PRIMARY,
                true,
                "supervisor1",
                NOW);
    }

    @Test
    void aClientHasOnePrimaryAtATime() {
        CareTeam team = CareTeam.of(withPrimary());

        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                CareTeamDecider.assign(
                                        team,
                                        CLIENT,
                                        "clinician1",
                                        CareTeamRole.PRIMARY,
                                        true,
                                        "supervisor1",
                                        NOW));
        assertEquals(409, e.problem().status());
        assertEquals(
                1,
                CareTeamDecider.assign(
                                team,
                                CLIENT,
                                "clinician1",
                                CareTeamRole.PRESCRIBER,
                                true,
                                "supervisor1",
                                NOW)
                        .size());
    }

    @Test
    void aClinicianWithoutAStaffRecordIsNotAssigned() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                CareTeamDecider.assign(
                                        CareTeam.EMPTY,
                                        CLIENT,
                                        "ghost",
                                        CareTeamRole.ASSOCIATE,
                                        false,
                                        "s",
                                        NOW));
        assertEquals(404, e.problem().status());
    }

    @Test
    void assigningTheSameRoleAgainChangesNothingAndAnotherRoleIsRefused() {
        CareTeam team = CareTeam.of(withPrimary());

        assertTrue(
                CareTeamDecider.assign(
                                team, CLIENT, "associate1", CareTeamRole.PRIMARY, true, "s", NOW)
                        .isEmpty());
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () ->
                                        CareTeamDecider.assign(
                                                team,
                                                CLIENT,
                                                "associate1",
                                                CareTeamRole.CASE_MANAGER,
                                                true,
                                                "s",
                                                NOW))
                        .problem()
                        .status());
    }

    @Test
    void unassigningSomeoneNotOnTheTeamIsNotFound() {
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () ->
                                        CareTeamDecider.unassign(
                                                CareTeam.EMPTY, CLIENT, "x", "s", NOW))
                        .problem()
                        .status());
    }

    @Test
    void dischargeTakesEveryoneOffTheTeamThenRecordsTheDischarge() {
        List<CareTeamEvent> history = new ArrayList<>(withPrimary());
        history.addAll(
                CareTeamDecider.assign(
                        CareTeam.of(history),
                        CLIENT,
                        "clinician1",
                        CareTeamRole.PRESCRIBER,
                        true,
                        "s",
                        NOW));

        List<CareTeamEvent> discharge =
                CareTeamDecider.discharge(
                        CareTeam.of(history),
                        CLIENT,
                        "Goals met",
                        true,
                        "Peer support",
                        "associate1",
                        NOW);

        assertEquals(3, discharge.size());
        assertInstanceOf(CareTeamEvent.Discharged.class, discharge.get(2));
        history.addAll(discharge);
        assertTrue(CareTeam.of(history).members().isEmpty());
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () ->
                                        CareTeamDecider.discharge(
                                                CareTeam.of(history),
                                                CLIENT,
                                                "again",
                                                true,
                                                null,
                                                "s",
                                                NOW))
                        .problem()
                        .status());
    }
}
