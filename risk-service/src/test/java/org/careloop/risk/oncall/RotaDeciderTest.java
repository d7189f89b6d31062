package org.careloop.risk.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RotaDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant EIGHT = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant SIXTEEN = Instant.parse("2026-12-01T16:00:00Z");
    static final Instant MIDNIGHT = Instant.parse("2026-12-02T00:00:00Z");

    static Shift shift(String clinician, Tier tier, Instant startsAt, Instant endsAt) {
        return new Shift(UUID.randomUUID(), clinician, tier, startsAt, endsAt);
    }

    static void refused(int status, String field, Runnable when) {
        ProblemException refusal = assertThrows(ProblemException.class, when::run);
        Problem problem = refusal.problem();
        assertEquals(status, problem.status(), problem.toString());
        if (field != null) {
            assertEquals(field, problem.errors().get(0).field(), problem.toString());
        }
    }

    @Nested
    class Scheduling {

        @Test
        void aShiftOverlappingAnotherOfItsTierIsRefusedNamingStartsAt() {
            Shift standing = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);
            Shift overlapping = shift("bob", Tier.PRIMARY, NOW, MIDNIGHT);

            refused(
                    409,
                    "startsAt",
                    () -> RotaDecider.schedule(overlapping, List.of(standing), "sup", NOW));
        }

        @Test
        void aShiftStartingExactlyWhenTheLastEndsFits() {
            Shift standing = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);
            Shift next = shift("bob", Tier.PRIMARY, SIXTEEN, MIDNIGHT);

            ShiftEvent.ShiftScheduled scheduled =
                    RotaDecider.schedule(next, List.of(standing), "sup", NOW);

            assertEquals("bob", scheduled.clinician());
            assertEquals(SIXTEEN, scheduled.startsAt());
            assertEquals("sup", scheduled.scheduledBy());
            assertEquals(NOW, scheduled.scheduledAt());
        }

        @Test
        void aClinicianOnPrimaryCannotAlsoBeTheBackupAtTheSameTime() {
            Shift primary = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);
            Shift backup = shift("alice", Tier.BACKUP, NOW, MIDNIGHT);

            refused(
                    409,
                    "clinician",
                    () -> RotaDecider.schedule(backup, List.of(primary), "sup", NOW));
        }

        @Test
        void aClinicianMayHoldAnotherTierOnceTheirShiftIsOver() {
            Shift primary = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);
            Shift backup = shift("alice", Tier.BACKUP, SIXTEEN, MIDNIGHT);

            assertEquals(
                    Tier.BACKUP, RotaDecider.schedule(backup, List.of(primary), "sup", NOW).tier());
        }
    }

    @Nested
    class Ending {

        final Shift underWay = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);

        @Test
        void withoutATimeAShiftEndsNowAndRecordsWhoEndedItAndItsFormerEnd() {
            ShiftEvent.ShiftEnded ended =
                    RotaDecider.end(underWay.shiftId(), underWay, null, "sup", NOW);

            assertEquals(
                    new ShiftEvent.ShiftEnded(underWay.shiftId(), SIXTEEN, NOW, "sup", NOW), ended);
        }

        @Test
        void aShiftEndsAtAGivenTimeWithinIt() {
            Instant two = NOW.plus(Duration.ofHours(2));

            assertEquals(
                    two, RotaDecider.end(underWay.shiftId(), underWay, two, "sup", NOW).endsAt());
        }

        @Test
        void anEndAtOrAfterTheShiftsEndOrBeforeItsStartIsRefusedNamingEndsAt() {
            refused(
                    400,
                    "endsAt",
                    () -> RotaDecider.end(underWay.shiftId(), underWay, SIXTEEN, "sup", NOW));
            refused(
                    400,
                    "endsAt",
                    () -> RotaDecider.end(underWay.shiftId(), underWay, MIDNIGHT, "sup", NOW));
            Shift later = shift("bob", Tier.PRIMARY, SIXTEEN, MIDNIGHT);
            refused(400, "endsAt", () -> RotaDecider.end(later.shiftId(), later, null, "sup", NOW));
        }

        @Test
        void anEndInThePastBeyondTheToleranceIsRefusedWithinItAccepted() {
            refused(
                    400,
                    "endsAt",
                    () ->
                            RotaDecider.end(
                                    underWay.shiftId(),
                                    underWay,
                                    NOW.minus(RotaDecider.END_TOLERANCE).minusSeconds(1),
                                    "sup",
                                    NOW));
            Instant justNow = NOW.minusSeconds(30);
            assertEquals(
                    justNow,
                    RotaDecider.end(underWay.shiftId(), underWay, justNow, "sup", NOW).endsAt());
        }

        @Test
        void aShiftThatIsOverIsAConflictAndAnUnknownOneNotFound() {
            Shift over = shift("alice", Tier.PRIMARY, EIGHT.minus(Duration.ofDays(1)), EIGHT);
            refused(409, "shiftId", () -> RotaDecider.end(over.shiftId(), over, null, "sup", NOW));
            refused(404, null, () -> RotaDecider.end(UUID.randomUUID(), null, null, "sup", NOW));
        }
    }

    @Nested
    class Replacing {

        final Shift primary = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);

        @Test
        void anotherClinicianTakesTheShiftRecordingFromWhomAndWhen() {
            assertEquals(
                    new ShiftEvent.ShiftReassigned(primary.shiftId(), "alice", "carol", "sup", NOW),
                    RotaDecider.replace(
                            primary.shiftId(), primary, "carol", List.of(primary), "sup", NOW));
        }

        @Test
        void theBackupCannotTakeOverThePrimaryShiftWhileBackup() {
            Shift backup = shift("bob", Tier.BACKUP, NOW, MIDNIGHT);

            refused(
                    409,
                    "clinician",
                    () ->
                            RotaDecider.replace(
                                    primary.shiftId(),
                                    primary,
                                    "bob",
                                    List.of(primary, backup),
                                    "sup",
                                    NOW));
        }

        @Test
        void theSameClinicianOrAShiftThatIsOverIsAConflict() {
            refused(
                    409,
                    "clinician",
                    () ->
                            RotaDecider.replace(
                                    primary.shiftId(), primary, "alice", List.of(), "sup", NOW));
            refused(
                    409,
                    "shiftId",
                    () ->
                            RotaDecider.replace(
                                    primary.shiftId(),
                                    primary,
                                    "carol",
                                    List.of(),
                                    "sup",
                                    SIXTEEN));
        }
    }

    @Nested
    class Swapping {

        final Shift today = shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN);
        final Shift tonight = shift("bob", Tier.PRIMARY, SIXTEEN, MIDNIGHT);

        @Test
        void twoShiftsExchangeClinciansAndBothStreamsRecordIt() {
            List<ShiftEvent.ShiftsSwapped> swapped =
                    RotaDecider.swap(
                            today.shiftId(),
                            today,
                            tonight.shiftId(),
                            tonight,
                            List.of(today, tonight),
                            "sup",
                            NOW);

            assertEquals(
                    List.of(
                            new ShiftEvent.ShiftsSwapped(
                                    today.shiftId(), tonight.shiftId(), "alice", "bob", "sup", NOW),
                            new ShiftEvent.ShiftsSwapped(
                                    tonight.shiftId(),
                                    today.shiftId(),
                                    "bob",
                                    "alice",
                                    "sup",
                                    NOW)),
                    swapped);
        }

        @Test
        void aPrimaryAndABackupAtTheSameTimeMaySwap() {
            Shift backup = shift("bob", Tier.BACKUP, EIGHT, SIXTEEN);

            assertEquals(
                    2,
                    RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    backup.shiftId(),
                                    backup,
                                    List.of(today, backup),
                                    "sup",
                                    NOW)
                            .size());
        }

        @Test
        void aSwapIsRefusedWhenAClinicianWouldHoldTwoTiersAtOnce() {
            // Bob is the backup this afternoon: taking Alice's primary shift would make him both.
            Shift bobsBackup = shift("bob", Tier.BACKUP, NOW, SIXTEEN);

            refused(
                    409,
                    "shiftId",
                    () ->
                            RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    tonight.shiftId(),
                                    tonight,
                                    List.of(today, tonight, bobsBackup),
                                    "sup",
                                    NOW));
        }

        @Test
        void swappingAShiftWithItselfIsABadRequestAndWithTheSameClinicianAConflict() {
            refused(
                    400,
                    "otherShiftId",
                    () ->
                            RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    today.shiftId(),
                                    today,
                                    List.of(today),
                                    "sup",
                                    NOW));
            Shift alicesTonight = shift("alice", Tier.PRIMARY, SIXTEEN, MIDNIGHT);
            refused(
                    409,
                    "otherShiftId",
                    () ->
                            RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    alicesTonight.shiftId(),
                                    alicesTonight,
                                    List.of(today, alicesTonight),
                                    "sup",
                                    NOW));
        }

        @Test
        void aShiftThatIsOverOrUnknownCannotBeSwapped() {
            Shift yesterday = shift("carol", Tier.PRIMARY, EIGHT.minus(Duration.ofDays(1)), EIGHT);
            refused(
                    409,
                    "otherShiftId",
                    () ->
                            RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    yesterday.shiftId(),
                                    yesterday,
                                    List.of(),
                                    "sup",
                                    NOW));
            refused(
                    404,
                    null,
                    () ->
                            RotaDecider.swap(
                                    today.shiftId(),
                                    today,
                                    UUID.randomUUID(),
                                    null,
                                    List.of(),
                                    "sup",
                                    NOW));
        }
    }

    @Nested
    class Gaps {

        @Test
        void anEmptyRotaIsOneGapPerStaffedTier() {
            assertEquals(
                    List.of(
                            new Gap(Tier.PRIMARY, EIGHT, MIDNIGHT),
                            new Gap(Tier.BACKUP, EIGHT, MIDNIGHT),
                            new Gap(Tier.SUPERVISOR, EIGHT, MIDNIGHT)),
                    RotaDecider.gaps(List.of(), EIGHT, MIDNIGHT));
        }

        @Test
        void shiftsThatTouchLeaveNoGapAndTheUncoveredEndsAreGaps() {
            List<Shift> shifts =
                    List.of(
                            shift("bob", Tier.PRIMARY, SIXTEEN, MIDNIGHT),
                            shift("alice", Tier.PRIMARY, EIGHT, SIXTEEN),
                            shift("carol", Tier.BACKUP, NOW, SIXTEEN),
                            shift("dan", Tier.SUPERVISOR, EIGHT.minus(Duration.ofHours(8)), NOW));

            assertEquals(
                    List.of(
                            new Gap(Tier.BACKUP, EIGHT, NOW),
                            new Gap(Tier.BACKUP, SIXTEEN, MIDNIGHT),
                            new Gap(Tier.SUPERVISOR, NOW, MIDNIGHT)),
                    RotaDecider.gaps(shifts, EIGHT, MIDNIGHT));
        }

        @Test
        void aHoleBetweenTwoShiftsIsAGapAndShiftsOutsideTheRangeDoNotCount() {
            List<Shift> shifts =
                    List.of(
                            shift("alice", Tier.PRIMARY, EIGHT, NOW),
                            shift("bob", Tier.PRIMARY, SIXTEEN, MIDNIGHT),
                            shift(
                                    "bob",
                                    Tier.BACKUP,
                                    MIDNIGHT,
                                    MIDNIGHT.plus(Duration.ofHours(8))));

            assertEquals(
                    List.of(
                            new Gap(Tier.PRIMARY, NOW, SIXTEEN),
                            new Gap(Tier.BACKUP, EIGHT, MIDNIGHT),
                            new Gap(Tier.SUPERVISOR, EIGHT, MIDNIGHT)),
                    RotaDecider.gaps(shifts, EIGHT, MIDNIGHT));
        }
    }
}
