package org.careloop.risk.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

    @Test
    void aBurstOfAlertsReachesAConsoleThatReadsOneAtATime() {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertStep> console =
                feed.forClinician("oncall1", false)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(1));

        feed.publish(
                List.of(
                        notice("oncall1"),
                        notice("oncall2"),
                        notice("oncall1"),
                        notice("oncall1")));
        console.assertNotTerminated();
        console.request(10);

        console.assertNotTerminated();
        assertEquals(3, console.getItems().size());
        assertEquals(
                List.of("oncall1", "oncall1", "oncall1"),
                console.getItems().stream().map(step -> step.notice().addressedTo()).toList());
    }

    @Test
    void aSupervisorSeesEveryAlert() {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertStep> console =
                feed.forClinician("supervisor1", true)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(10));

        feed.publish(List.of(notice("oncall1"), notice("oncall2")));

        assertEquals(2, console.getItems().size());
    }

    @Test
    void stepsPublishedFromManyThreadsAtOnceAllArrive() throws Exception {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertStep> console =
                feed.forClinician("supervisor1", true)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        int threads = 8;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            publishers.add(
                    pool.submit(
                            () -> {
                                start.await();
                                for (int i = 0; i < each; i++) {
                                    feed.publish(List.of(notice("oncall1")));
                                }
                                return null;
                            }));
        }
        start.countDown();
        for (Future<?> publisher : publishers) {
            publisher.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        console.assertNotTerminated();
        assertEquals(threads * each, console.getItems().size());
        assertEquals(
                threads * each,
                console.getItems().stream()
                        .map(step -> step.notice().alertId())
                        .distinct()
                        .count());
    }

    @Test
    void thePrimaryClinicianHearsOfEachStepForInformationOnly() {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertStep> primary =
                feed.forClinician("clinician2", false)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<AlertStep> onCall =
                feed.forClinician("oncall1", false)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<AlertStep> supervisor =
                feed.forClinician("supervisor1", true)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(10));

        feed.publish(List.of(notice("oncall1", "clinician2"), notice("oncall1", "clinician1")));

        assertEquals(
                List.of(true),
                primary.getItems().stream().map(step -> step.notice().informational()).toList());
        assertEquals(
                List.of(false, false),
                onCall.getItems().stream().map(step -> step.notice().informational()).toList());
        assertEquals(
                List.of(false, false),
                supervisor.getItems().stream().map(step -> step.notice().informational()).toList());
    }

    @Test
    void aPrimaryClinicianWhoIsAlsoOnCallGetsTheStepOnceToAnswer() {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertStep> console =
                feed.forClinician("clinician2", false)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(10));

        feed.publish(List.of(notice("clinician2", "clinician2")));

        assertEquals(
                List.of(false),
                console.getItems().stream().map(step -> step.notice().informational()).toList());
    }

    private static final AtomicLong POSITIONS = new AtomicLong();

    private static AlertStep notice(String addressedTo) {
        return notice(addressedTo, null);
    }

    private static AlertStep notice(String addressedTo, String primaryClinician) {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        return new AlertStep(
                POSITIONS.incrementAndGet(),
                new AlertNotice(
                        "RAISED",
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Ada Lovelace",
                        "+1 555 0100",
                        "URGENT",
                        "MODERATE",
                        "PHQ-9 screen: ITEM9_POSITIVE",
                        "PRIMARY",
                        1,
                        addressedTo,
                        primaryClinician,
                        false,
                        now,
                        now));
    }
}
