package org.careloop.risk.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MissedThenLiveTest {

    private final BroadcastProcessor<AlertStep> live = BroadcastProcessor.create();
    private final AtomicReference<UniEmitter<? super MissedThenLive.Missed>> reading =
            new AtomicReference<>();
    private final Uni<MissedThenLive.Missed> missed =
            Uni.createFrom().<MissedThenLive.Missed>emitter(emitter -> reading.set(emitter));

    @Test
    void aReconnectingConsoleGetsWhereItStartsThenWhatItMissedThenTheLiveSteps() {
        AssertSubscriber<AlertStep> console = connect();

        reading.get().complete(new MissedThenLive.Missed(4, List.of(step(5), step(7))));
        live.onNext(step(8));

        assertEquals(List.of(4L, 5L, 7L, 8L), positions(console));
        assertTrue(console.getItems().get(0).isStart());
    }

    @Test
    void stepsThatCommitWhileTheMissedOnesAreReadAreHeldAndFollowThem() {
        AssertSubscriber<AlertStep> console = connect();

        live.onNext(step(9));
        live.onNext(step(10));
        reading.get().complete(new MissedThenLive.Missed(6, List.of(step(7), step(8))));
        live.onNext(step(11));

        assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L), positions(console));
    }

    @Test
    void aStepReadAsMissedAndHeardLiveIsSentOnce() {
        AssertSubscriber<AlertStep> console = connect();

        live.onNext(step(7));
        live.onNext(step(8));
        reading.get().complete(new MissedThenLive.Missed(6, List.of(step(7), step(8))));
        live.onNext(step(8));
        live.onNext(step(9));

        assertEquals(List.of(6L, 7L, 8L, 9L), positions(console));
    }

    @Test
    void liveStepsAtOrBeforeWhereTheConsoleStartsAreNotSent() {
        AssertSubscriber<AlertStep> console = connect();

        live.onNext(step(3));
        reading.get().complete(new MissedThenLive.Missed(5, List.of()));
        live.onNext(step(5));
        live.onNext(step(6));

        assertEquals(List.of(5L, 6L), positions(console));
    }

    @Test
    void theMissedStepsAreReadOnlyOnceTheLiveFeedIsJoined() {
        AtomicReference<Boolean> joinedFirst = new AtomicReference<>();
        BroadcastProcessor<AlertStep> feed = BroadcastProcessor.create();
        Uni<MissedThenLive.Missed> read =
                Uni.createFrom()
                        .item(
                                () -> {
                                    // A step broadcast now reaches only subscribers already there.
                                    feed.onNext(step(12));
                                    joinedFirst.set(true);
                                    return new MissedThenLive.Missed(11, List.of());
                                });

        AssertSubscriber<AlertStep> console =
                MissedThenLive.of(feed, read)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        assertTrue(joinedFirst.get());
        assertEquals(List.of(11L, 12L), positions(console));
    }

    @Test
    void aConsoleThatStopsListeningLetsGoOfTheLiveFeed() {
        AssertSubscriber<AlertStep> console = connect();
        reading.get().complete(new MissedThenLive.Missed(1, List.of()));

        console.cancel();
        live.onNext(step(2));

        assertEquals(List.of(1L), positions(console));
    }

    private AssertSubscriber<AlertStep> connect() {
        return MissedThenLive.of(live, missed)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    private static List<Long> positions(AssertSubscriber<AlertStep> console) {
        return console.getItems().stream().map(AlertStep::position).toList();
    }

    private static AlertStep step(long position) {
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        return new AlertStep(
                position,
                new AlertNotice(
                        "ESCALATED",
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Ada Lovelace",
                        "+1 555 0100",
                        "URGENT",
                        "HIGH",
                        "PHQ-9 screen: ITEM9_POSITIVE",
                        "BACKUP",
                        2,
                        "oncall2",
                        null,
                        false,
                        at,
                        at));
    }
}
