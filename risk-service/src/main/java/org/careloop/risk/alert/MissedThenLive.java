package org.careloop.risk.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A console's stream: where it starts, the steps it missed since, then the live ones, each once and
 * in order. The live feed is joined before the missed steps are read, and holds what arrives
 * meanwhile, so no step falls between the two; a step both carry is sent once.
 */
final class MissedThenLive {

    /** Where a console's stream starts, and the stored steps after that, oldest first. */
    record Missed(long from, List<AlertStep> steps) {}

    private final Object lock = new Object();
    private final List<AlertStep> held = new ArrayList<>();
    private final Consumer<AlertStep> out;
    private long sent = Long.MAX_VALUE;

    private MissedThenLive(Consumer<AlertStep> out) {
        this.out = out;
    }

    /**
     * {@code missed} is subscribed to only once {@code live} is: it must hold every step stored
     * after its {@code from} by then.
     */
    static Multi<AlertStep> of(Multi<AlertStep> live, Uni<Missed> missed) {
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            MissedThenLive merge = new MissedThenLive(emitter::emit);
                            Cancellable following =
                                    live.subscribe()
                                            .with(merge::live, emitter::fail, emitter::complete);
                            Cancellable reading =
                                    missed.subscribe().with(merge::missed, emitter::fail);
                            emitter.onTermination(
                                    () -> {
                                        reading.cancel();
                                        following.cancel();
                                    });
                        },
                        BackPressureStrategy.BUFFER);
    }

    private void live(AlertStep step) {
        synchronized (lock) {
            if (sent == Long.MAX_VALUE) {
                held.add(step);
            } else {
                send(step);
            }
        }
    }

    private void missed(Missed missed) {
        synchronized (lock) {
            sent = missed.from();
            out.accept(AlertStep.startingAt(missed.from()));
            missed.steps().forEach(this::send);
            held.forEach(this::send);
            held.clear();
        }
    }

    private void send(AlertStep step) {
        if (step.position() > sent) {
            sent = step.position();
            out.accept(step);
        }
    }
}
